package dev.relmap.sqlcount;

import dev.relmap.sqlcount.ShapeSummary.Verdict;
import dev.relmap.sqlcount.SqlClassifier.Analysis;
import dev.relmap.sqlcount.SqlClassifier.Role;
import dev.relmap.sqlcount.SqlClassifier.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kit's one rule for what repeating a SELECT shape means (see {@link ShapeSummary.Verdict}).
 * Values are compared as values: bound parameters and literals folded into the shape alike, bytes
 * by content, numbers by value.
 */
final class ShapeVerdicts {

    private static final int PARAMETER_SETS_SHOWN = 3;

    private ShapeVerdicts() {
    }

    /** The values of one execution, sorted by what they are for. */
    record Values(List<Object> plain, List<Object> keys, List<Object> paging, boolean complete) {

        /** Everything but the page bounds: what tells one read from another. */
        List<Object> read() {
            List<Object> read = new ArrayList<>(plain);
            read.addAll(keys);
            return read;
        }

        List<Object> all() {
            List<Object> all = read();
            all.addAll(paging);
            return all;
        }
    }

    static Values values(ExecutedStatement statement) {
        Analysis analysis = SqlClassifier.analyse(statement.sql());
        List<Object> parameters = statement.parameters();
        List<Object> plain = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> paging = new ArrayList<>();
        boolean complete = true;
        for (Slot slot : analysis.slots()) {
            Object value;
            if (slot.literal() != null) {
                value = slot.literal();
            } else {
                List<Object> bound = new ArrayList<>(slot.parameters());
                for (int i = slot.firstParameter(); i < slot.firstParameter() + slot.parameters(); i++) {
                    Object parameter = i < parameters.size() ? parameters.get(i) : Parameters.NOT_CAPTURED;
                    complete &= parameter != Parameters.NOT_CAPTURED;
                    bound.add(Parameters.comparable(parameter));
                }
                value = bound.size() == 1 ? bound.get(0) : bound;
            }
            (slot.role() == Role.KEYS ? keys : slot.role() == Role.PAGING ? paging : plain).add(value);
        }
        return new Values(plain, keys, paging, complete);
    }

    static ShapeSummary summarise(String shape, List<ExecutedStatement> runs) {
        StatementKind kind = runs.get(0).kind();
        List<Values> values = new ArrayList<>(runs.size());
        Map<List<Object>, List<Object>> distinct = new LinkedHashMap<>();
        Set<Object> keys = new HashSet<>();
        Set<String> callSites = new LinkedHashSet<>();
        boolean hasKeys = false;
        for (ExecutedStatement run : runs) {
            Values value = values(run);
            values.add(value);
            if (run.callSite() != null) {
                callSites.add(run.callSite());
            }
            if (value.complete()) {
                distinct.putIfAbsent(value.all(), run.parameters());
            }
            for (Object key : value.keys()) {
                hasKeys = true;
                Parameters.collectKeys(key, keys);
            }
        }
        List<List<Object>> first = distinct.values().stream().limit(PARAMETER_SETS_SHOWN).toList();
        int roundTrips = (int) runs.stream().mapToInt(ExecutedStatement::roundTrip).distinct().count();
        return new ShapeSummary(shape, kind, runs.size(), roundTrips, distinct.size(), first,
                hasKeys ? keys.size() : 0, runs.get(0).callSite(), callSites.size(),
                verdict(kind, runs, values));
    }

    /**
     * The rule, for a SELECT shape (executions whose values were bound before the recording started
     * take no part). Run once, it is {@code BATCH_FETCH} when its key list held two or more distinct
     * keys (SQL NULL, which pads a short batch, is no key), otherwise {@code NONE}. Run two or more
     * times:
     *
     * <ol>
     *   <li>its key lists change while every other value stays the same: {@code BATCH_FETCH};
     *   <li>two executions from the same line of code read different values: {@code N_PLUS_ONE};
     *   <li>two executions from the same line differ only in their page bounds: {@code PAGING};
     *   <li>two executions read the same values: {@code DUPLICATE_READ};
     *   <li>otherwise (different values from different lines, such as two {@code find} calls on two
     *       lines): {@code NONE}.
     * </ol>
     */
    static Verdict verdict(StatementKind kind, List<ExecutedStatement> runs, List<Values> values) {
        if (kind != StatementKind.SELECT) {
            return Verdict.NONE;
        }
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (values.get(i).complete()) {
                complete.add(i);
            }
        }
        if (runs.size() == 1 && complete.size() == 1) {
            return distinctKeys(values.get(0)) >= 2 ? Verdict.BATCH_FETCH : Verdict.NONE;
        }
        if (complete.size() < 2) {
            return Verdict.NONE;
        }
        if (isBatchFetch(complete, values)) {
            return Verdict.BATCH_FETCH;
        }
        Map<String, Set<List<Object>>> readsBySite = new HashMap<>();
        Map<String, Set<List<Object>>> pagesBySite = new HashMap<>();
        boolean paging = false;
        for (int i : complete) {
            String site = runs.get(i).callSite();
            if (site == null) {
                continue;
            }
            Values value = values.get(i);
            Set<List<Object>> reads = readsBySite.computeIfAbsent(site, s -> new HashSet<>());
            reads.add(value.read());
            if (reads.size() >= 2) {
                return Verdict.N_PLUS_ONE;
            }
            Set<List<Object>> pages = pagesBySite.computeIfAbsent(site, s -> new HashSet<>());
            pages.add(value.paging());
            paging |= pages.size() >= 2;
        }
        if (paging) {
            return Verdict.PAGING;
        }
        Set<List<Object>> seen = new HashSet<>();
        for (int i : complete) {
            if (!seen.add(values.get(i).all())) {
                return Verdict.DUPLICATE_READ;
            }
        }
        return Verdict.NONE;
    }

    private static int distinctKeys(Values value) {
        Set<Object> keys = new HashSet<>();
        value.keys().forEach(key -> Parameters.collectKeys(key, keys));
        return keys.size();
    }

    private static boolean isBatchFetch(List<Integer> complete, List<Values> values) {
        Values first = values.get(complete.get(0));
        if (first.keys().isEmpty()) {
            return false;
        }
        Set<List<Object>> keySets = new HashSet<>();
        for (int i : complete) {
            Values value = values.get(i);
            if (!value.plain().equals(first.plain()) || !value.paging().equals(first.paging())) {
                return false;
            }
            keySets.add(value.keys());
        }
        return keySets.size() >= 2;
    }
}
