package dev.relmap.bootstrap;

import org.hibernate.MappingException;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.sequence.MariaDBSequenceSupport;
import org.hibernate.dialect.sequence.SequenceSupport;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.id.enhanced.StandardOptimizerDescriptor;

/**
 * MariaDB's dialect for a Galera cluster written through several nodes at once, where sequence ids
 * made by Hibernate's defaults are not unique: its {@code create sequence … increment by 50
 * nocache} is accepted, but two nodes calling {@code next value for} at the same moment read the
 * same row and hand out the same value (a cached sequence is refused outright, "CACHE without
 * INCREMENT BY 0 in Galera cluster").
 *
 * <p>This dialect makes every sequence {@code increment by 0 nocache}. Galera then draws each
 * node's values from its own residue class, {@code auto_increment_offset} modulo
 * {@code auto_increment_increment} (the cluster size, kept up to date by
 * {@code wsrep_auto_increment_control}), so no two nodes can hand out the same value. A value no
 * longer says how far the sequence moved, so the pooled optimizers, which read a range of 50 off
 * each value, would overlap their own ranges; the dialect therefore makes
 * {@link StandardOptimizerDescriptor#HILO hilo} the optimizer of every sequence with an allocation
 * size above 1 ({@value MappingSettings#PREFERRED_POOLED_OPTIMIZER}): value {@code h} stands for
 * the block of ids {@code 50(h−1)+1 … 50h}, distinct values give disjoint blocks, and one
 * {@code next value for} still serves 50 inserts, so statement counts are those of the pooled
 * optimizer. A sequence that still asks for another increment (an explicit pooled optimizer) is
 * refused with a {@link MappingException} naming it rather than left to hand out duplicates.
 *
 * <p>What it costs: ids leave gaps (each node skips the other nodes' values) and a sequence's
 * stored value is a block number, not an id, so SQL written outside Hibernate must take ids the
 * same way. {@link Relmap} uses this dialect when the server it opens a unit on reports
 * {@code wsrep_on}; a single MariaDB server keeps {@link MariaDBDialect}. Elsewhere, set
 * {@code hibernate.dialect} to this class.
 */
public class GaleraDialect extends MariaDBDialect {

    public GaleraDialect() {
        super();
    }

    public GaleraDialect(DatabaseVersion version) {
        super(version);
    }

    public GaleraDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected void initDefaultProperties() {
        super.initDefaultProperties();
        getDefaultProperties().setProperty(MappingSettings.PREFERRED_POOLED_OPTIMIZER,
                StandardOptimizerDescriptor.HILO.getExternalName());
    }

    @Override
    public SequenceSupport getSequenceSupport() {
        return GaleraSequenceSupport.INSTANCE;
    }

    /** MariaDB's sequence SQL, with {@code increment by 0} in place of an increment of 1. */
    static final class GaleraSequenceSupport implements SequenceSupport {

        static final SequenceSupport INSTANCE = new GaleraSequenceSupport();

        private static final SequenceSupport MARIADB = MariaDBSequenceSupport.INSTANCE;

        @Override
        public String getCreateSequenceString(String sequenceName, int initialValue, int incrementSize) {
            if (incrementSize != 1) {
                throw new MappingException("Sequence " + sequenceName + " asks for increment by " + incrementSize
                        + ", which two Galera nodes would hand out twice; on Galera every sequence is increment by 0"
                        + " and ids come from the hilo optimizer (the default of " + GaleraDialect.class.getName()
                        + " unless " + MappingSettings.PREFERRED_POOLED_OPTIMIZER + " or the generator names another)");
            }
            return "create sequence " + sequenceName + " start with " + initialValue + " increment by 0 nocache";
        }

        @Override
        public String getCreateSequenceString(String sequenceName) {
            return getCreateSequenceString(sequenceName, 1, 1);
        }

        @Override
        public boolean supportsSequences() {
            return MARIADB.supportsSequences();
        }

        @Override
        public boolean supportsPooledSequences() {
            return MARIADB.supportsPooledSequences();
        }

        @Override
        public String getSelectSequenceNextValString(String sequenceName) {
            return MARIADB.getSelectSequenceNextValString(sequenceName);
        }

        @Override
        public String getSelectSequencePreviousValString(String sequenceName) {
            return MARIADB.getSelectSequencePreviousValString(sequenceName);
        }

        @Override
        public String getSequenceNextValString(String sequenceName) {
            return MARIADB.getSequenceNextValString(sequenceName);
        }

        @Override
        public String getSequenceNextValString(String sequenceName, int increment) {
            return MARIADB.getSequenceNextValString(sequenceName, increment);
        }

        @Override
        public String getSequencePreviousValString(String sequenceName) {
            return MARIADB.getSequencePreviousValString(sequenceName);
        }

        @Override
        public String getFromDual() {
            return MARIADB.getFromDual();
        }

        @Override
        public String getDropSequenceString(String sequenceName) {
            return MARIADB.getDropSequenceString(sequenceName);
        }

        @Override
        public String getRestartSequenceString(String sequenceName, long startWith) {
            return MARIADB.getRestartSequenceString(sequenceName, startWith);
        }
    }
}
