package dev.relmap.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import dev.relmap.pattern.MappingPattern;
import dev.relmap.reliability.Sample.Kind;
import jakarta.persistence.EntityManager;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One call of a repository constructor or method with one bad argument (at {@code position}) and
 * what it must answer; the other arguments are the valid values of {@link BadInputSamples}.
 */
record RepositoryCase(MappingPattern pattern, Executable executable, int position, String label, Object bad,
        Expect expect, Class<?> expected) {

    enum Expect {
        /** {@code IllegalArgumentException} naming the parameter, before any statement. */
        REFUSED,
        /** {@code expected} exactly, a {@code NoSuchElementException}, naming the value. */
        UNKNOWN,
        /** {@code Optional.empty()}: a finder's documented answer to an id no row has. */
        EMPTY,
        /** Returns normally: the method documents that it does not check this. */
        ACCEPTED,
        /** The parameter has no sample: the case fails, saying so. */
        UNREGISTERED
    }

    /**
     * The public classes of {@code pattern}'s own package (not its sub-packages) that are built from an
     * {@code EntityManager} alone: its repositories, whatever they are called.
     */
    static List<Class<?>> repositories(MappingPattern pattern) {
        Class<?> entity = pattern.entityClasses().get(0);
        String packageName = entity.getPackageName();
        // The directory the pattern's entities came from: the test classes share the package name.
        URL classes = entity.getProtectionDomain().getCodeSource().getLocation();
        File[] files;
        try {
            files = new File(new File(classes.toURI()), packageName.replace('.', '/'))
                    .listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(files)
                .<Class<?>>map(file -> load(packageName + "." + file.getName().replace(".class", "")))
                .filter(type -> Modifier.isPublic(type.getModifiers()) && !type.isInterface()
                        && Arrays.stream(type.getConstructors())
                                .anyMatch(c -> Arrays.equals(c.getParameterTypes(), new Class<?>[] {EntityManager.class})))
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }

    /** Every case of {@code type}: each public constructor and method, each parameter, each bad value. */
    static List<RepositoryCase> of(MappingPattern pattern, Class<?> type) {
        List<RepositoryCase> cases = new ArrayList<>();
        Stream.concat(Arrays.stream(type.getConstructors()),
                        Arrays.stream(type.getDeclaredMethods())
                                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()))
                .sorted(Comparator.comparing(RepositoryCase::signature))
                .forEach(executable -> {
                    for (int i = 0; i < executable.getParameterCount(); i++) {
                        cases.addAll(casesFor(pattern, executable, i));
                    }
                });
        return cases;
    }

    private static List<RepositoryCase> casesFor(MappingPattern pattern, Executable executable, int i) {
        Parameter parameter = executable.getParameters()[i];
        Class<?> parameterType = parameter.getType();
        Optional<Sample> found = BadInputSamples.of(pattern.packageName())
                .flatMap(registry -> registry.sample(methodKey(executable), parameter.getName()));
        Kind wanted = parameterType == long.class ? Kind.ID : parameterType == int.class ? Kind.NUMBER : null;
        if (found.isEmpty() || wanted != null && found.get().kind() != wanted
                || parameterType == String.class && !List.of(Kind.TEXT, Kind.KEY, Kind.OPTIONAL).contains(found.get().kind())) {
            return List.of(new RepositoryCase(pattern, executable, i, "no sample", null, Expect.UNREGISTERED, null));
        }
        Sample sample = found.get();
        List<RepositoryCase> cases = new ArrayList<>();
        if (!parameterType.isPrimitive() && sample.kind() != Kind.OPTIONAL) {
            cases.add(new RepositoryCase(pattern, executable, i, "null", null, Expect.REFUSED, null));
        }
        if (sample.kind() == Kind.TEXT || sample.kind() == Kind.KEY) {
            cases.add(new RepositoryCase(pattern, executable, i, "\"\"", "", Expect.REFUSED, null));
            cases.add(new RepositoryCase(pattern, executable, i, "\" \"", " ", Expect.REFUSED, null));
        }
        if (sample.kind() == Kind.ID) {
            cases.add(unknownId(pattern, executable, i));
        }
        if (sample.min() != null) {
            cases.add(new RepositoryCase(pattern, executable, i, String.valueOf(sample.min() - 1), sample.min() - 1,
                    Expect.REFUSED, null));
        }
        if (sample.max() != null) {
            cases.add(new RepositoryCase(pattern, executable, i, String.valueOf(sample.max() + 1), sample.max() + 1,
                    Expect.REFUSED, null));
        }
        for (Sample.Bad bad : sample.bad()) {
            cases.add(new RepositoryCase(pattern, executable, i, bad.label(), bad.value(),
                    bad.expected() == null ? Expect.REFUSED : Expect.UNKNOWN, bad.expected()));
        }
        return cases;
    }

    private static RepositoryCase unknownId(MappingPattern pattern, Executable executable, int i) {
        Class<?> entity = pattern.entityClasses().get(0);
        String packageName = entity.getPackageName();
        Class<?> answer = BadInputSamples.of(packageName).orElseThrow().unknownIdAnswers()
                .get(methodKey(executable) + "." + executable.getParameters()[i].getName());
        String label = "unknown id";
        if (answer == Void.class) {
            return new RepositoryCase(pattern, executable, i, label, Sample.UNKNOWN_ID, Expect.ACCEPTED, null);
        }
        if (answer == null && executable instanceof Method method && method.getReturnType() == Optional.class) {
            return new RepositoryCase(pattern, executable, i, label, Sample.UNKNOWN_ID, Expect.EMPTY, null);
        }
        return new RepositoryCase(pattern, executable, i, label, Sample.UNKNOWN_ID, Expect.UNKNOWN,
                answer != null ? answer : load(packageName + ".UnknownIdException"));
    }

    /** The arguments: the bad value at {@code position}, valid values elsewhere (ids from {@code validIds}). */
    Object[] arguments(EntityManager entityManager, Map<Sample, Object> validIds) {
        Parameter[] parameters = executable.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (i == position) {
                arguments[i] = bad;
                continue;
            }
            Sample sample = BadInputSamples.of(pattern.packageName()).orElseThrow()
                    .sample(methodKey(executable), parameters[i].getName()).orElseThrow();
            arguments[i] = sample.kind() == Kind.ID
                    ? validIds.computeIfAbsent(sample, s -> s.valid().apply(entityManager))
                    : sample.valid().apply(entityManager);
        }
        return arguments;
    }

    /** Fails, saying which method, parameter and value, unless the call answered as {@link #expect} says. */
    void verify(Object result, Throwable thrown, int statements) {
        String parameter = parameterName();
        switch (expect) {
            case REFUSED -> {
                if (!(thrown != null && thrown.getClass() == IllegalArgumentException.class
                        && thrown.getMessage() != null && thrown.getMessage().startsWith(parameter + " ")
                        && (!(bad instanceof Integer) || thrown.getMessage().contains(String.valueOf(bad))))) {
                    fail(describe() + " answered " + answer(result, thrown) + "; wanted IllegalArgumentException(\""
                            + parameter + " must …\"" + (bad instanceof Integer ? ", naming " + bad : "")
                            + ") from a guard at the top of the method", thrown);
                }
                if (statements != 0) {
                    fail(describe() + " sent " + statements + (statements == 1 ? " statement" : " statements")
                            + " before refusing; the guard belongs before any SQL");
                }
            }
            case UNKNOWN -> {
                if (!NoSuchElementException.class.isAssignableFrom(expected)) {
                    fail(describe() + " is registered to answer " + expected.getName()
                            + ", which is no NoSuchElementException: an id or key no row has is not found");
                }
                if (!(thrown != null && thrown.getClass() == expected && (!(bad instanceof Long || bad instanceof String)
                        || thrown.getMessage().contains(String.valueOf(bad))))) {
                    fail(describe() + " answered " + answer(result, thrown) + "; wanted " + expected.getSimpleName()
                            + " naming " + bad, thrown);
                }
            }
            case EMPTY -> {
                if (thrown != null || !Optional.empty().equals(result)) {
                    fail(describe() + " answered " + answer(result, thrown) + "; wanted Optional.empty()", thrown);
                }
            }
            case ACCEPTED -> {
                if (thrown != null) {
                    fail(describe() + " answered " + answer(result, thrown) + "; documented to accept it", thrown);
                }
            }
            case UNREGISTERED -> fail(missingSample());
        }
    }

    /** What an unregistered parameter's case says, for the one who adds the method. */
    String missingSample() {
        return pattern.packageName() + "." + signature(executable) + ": parameter '" + parameterName()
                + "' has no valid and bad values; register them in BadInputSamples, then guard the method";
    }

    private static String answer(Object result, Throwable thrown) {
        return thrown != null ? thrown.toString() : "normally with " + result;
    }

    String parameterName() {
        return executable.getParameters()[position].getName();
    }

    /** For the test tree: {@code addBook(authorId, book): book = null}. */
    String name() {
        return methodKey(executable).substring(executable.getDeclaringClass().getSimpleName().length() + 1)
                + "(" + Arrays.stream(executable.getParameters()).map(Parameter::getName).collect(Collectors.joining(", "))
                + "): " + parameterName() + " = " + label;
    }

    /** For failures: the package, the signature, the parameter and the value. */
    String describe() {
        return pattern.packageName() + "." + signature(executable) + " given " + parameterName()
                + " = " + label;
    }

    private static String methodKey(Executable executable) {
        String simple = executable.getDeclaringClass().getSimpleName();
        return simple + "." + (executable instanceof Constructor<?> ? "new" : executable.getName());
    }

    private static String signature(Executable executable) {
        return methodKey(executable) + "(" + Arrays.stream(executable.getParameters())
                .map(p -> p.getType().getSimpleName() + " " + p.getName()).collect(Collectors.joining(", ")) + ")";
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
