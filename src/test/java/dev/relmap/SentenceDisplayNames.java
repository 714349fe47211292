package dev.relmap;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names as sentences where a test has no {@code @DisplayName}: the method
 * {@code lazyLoadingIssuesOnePlusN} reads "lazy loading issues one plus N", the nested class
 * {@code LoadingStrategies} reads "loading strategies". Top-level classes keep their name, so the
 * output stays grouped by pattern. Set as the default in {@code junit-platform.properties}.
 */
public class SentenceDisplayNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        return sentence(nestedClass.getSimpleName());
    }

    @Override
    public String generateDisplayNameForMethod(
            List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return sentence(testMethod.getName());
    }

    /** {@code readsAsASentenceWithNPlusOne} → "reads as a sentence with N plus one". */
    static String sentence(String camelCase) {
        String spaced = camelCase
                .replace('_', ' ')
                .replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
                .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
                .trim();
        StringBuilder sentence = new StringBuilder();
        for (String word : spaced.split(" +")) {
            boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
            boolean single = word.length() == 1 && Character.isUpperCase(word.charAt(0)) && !word.equals("A");
            sentence.append(sentence.length() == 0 ? "" : " ")
                    .append(acronym || single ? word : word.toLowerCase(Locale.ROOT));
        }
        return sentence.toString();
    }
}
