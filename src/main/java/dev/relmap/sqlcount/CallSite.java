package dev.relmap.sqlcount;

import java.lang.StackWalker.StackFrame;
import java.lang.annotation.Annotation;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The line of user code behind one JDBC execution, found by walking the stack only when a recording
 * asks for it: the walk is the kit's main cost (tens of microseconds under a deep Hibernate stack),
 * so recordings ask only when they need it. One instance per execution, shared by every recording
 * that sees it.
 *
 * <p>The call site is the first frame, going outwards, after the OUTERMOST frame of a JDBC object
 * (a class implementing {@link Wrapper}: this kit's proxies, a pool's, a driver's, or another JDBC
 * proxy wrapped around this kit), skipping the frameworks between a user's line and JDBC: the JDK,
 * Hibernate, Spring's data access plumbing (Spring Data, ORM, JDBC, transactions, AOP and its
 * proxies), Jakarta Data repositories that a provider implements, and this kit's own entry points.
 * Anything between two JDBC objects is plumbing, whoever wrote it. Without those skips, every
 * Spring Data query would be blamed on the same Spring line, and two calls on two lines would read
 * as one loop, an N+1.
 */
final class CallSite {

    /**
     * The system property naming more prefixes to skip, comma-separated, as
     * {@link SqlCount#skipInCallSites} does; read again whenever its value changes.
     */
    static final String SKIP_PROPERTY = "relmap.sqlcount.callsite.skip";

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /**
     * Class-name prefixes of the frameworks between a user's line and JDBC. Spring is skipped
     * package by package, not as {@code org.springframework.}, so an application of its own under
     * that name (Spring Petclinic's {@code org.springframework.samples}) is still user code.
     */
    static final List<String> FRAMEWORKS = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "org.hibernate.", "net.bytebuddy.",
            "org.springframework.aop.", "org.springframework.cglib.", "org.springframework.core.",
            "org.springframework.dao.", "org.springframework.data.", "org.springframework.jdbc.",
            "org.springframework.orm.", "org.springframework.transaction.", "org.springframework.util.");
    /** Prefixes added through {@link SqlCount#skipInCallSites}. */
    private static final CopyOnWriteArrayList<String> ADDED = new CopyOnWriteArrayList<>();
    /** The last value of {@link #SKIP_PROPERTY} read, and its prefixes, replaced together. */
    private static volatile PropertyPrefixes fromProperty = new PropertyPrefixes(null, List.of());
    /** The kit's own classes a user's code calls into (lambdas are nest members of their class). */
    private static final Set<Class<?>> KIT = Set.of(SqlCount.class, Recording.class, CallSite.class);
    /** Hibernate's {@code GenerationType.TABLE} id allocation (not identity inserts, which are data). */
    private static final List<String> ID_TABLE = List.of(
            "org.hibernate.id.enhanced.TableGenerator", "org.hibernate.id.enhanced.TableStructure");
    private static final String JAKARTA_DATA_REPOSITORY = "jakarta.data.repository.Repository";
    /**
     * Whether a class implements a Jakarta Data repository: a provider writes those classes
     * (hibernate-processor's {@code AuthorCatalog_}), users write the interface, whose default
     * methods stay user code. Matched by the annotation's name, so the kit needs no Jakarta Data on
     * the class path; asked once per class.
     */
    private static final ClassValue<Boolean> REPOSITORY_IMPLEMENTATION = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.isInterface()) {
                return false;
            }
            for (Class<?> implemented : type.getInterfaces()) {
                for (Annotation annotation : implemented.getAnnotations()) {
                    if (annotation.annotationType().getName().equals(JAKARTA_DATA_REPOSITORY)) {
                        return true;
                    }
                }
            }
            return false;
        }
    };

    private boolean walked;
    private String value;
    private boolean idAllocation;

    /** The call site, walking the stack the first time it is asked. */
    String get() {
        walk();
        return value;
    }

    /** Whether Hibernate's table-based id allocation ({@code GenerationType.TABLE}) runs the statement. */
    boolean isIdAllocation() {
        walk();
        return idAllocation;
    }

    private void walk() {
        if (walked) {
            return;
        }
        walked = true;
        StackFrame site = WALKER.walk(frames -> {
            StackFrame candidate = null;
            for (StackFrame frame : (Iterable<StackFrame>) frames::iterator) {
                Class<?> type = frame.getDeclaringClass();
                if (Wrapper.class.isAssignableFrom(type)) {
                    candidate = null;
                    continue;
                }
                if (candidate == null) {
                    if (ID_TABLE.stream().anyMatch(type.getName()::startsWith)) {
                        idAllocation = true;
                    }
                    if (!isLibrary(type)) {
                        candidate = frame;
                    }
                }
            }
            return candidate;
        });
        value = site == null ? "(unknown)" : site.getClassName() + "." + site.getMethodName()
                + "(" + site.getFileName() + ":" + site.getLineNumber() + ")";
    }

    private static boolean isLibrary(Class<?> type) {
        String name = type.getName();
        return startsWithAny(name, FRAMEWORKS) || startsWithAny(name, propertyPrefixes())
                || startsWithAny(name, ADDED) || name.contains("$HibernateProxy")
                || name.contains("$$SpringCGLIB$$") || KIT.contains(type.getNestHost())
                || REPOSITORY_IMPLEMENTATION.get(type);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds class-name prefixes to skip; see {@link SqlCount#skipInCallSites}.
     *
     * @throws IllegalArgumentException naming the first prefix that is null, blank or no prefix of a
     *     class name
     */
    static void skip(String... prefixes) {
        if (prefixes == null) {
            throw new IllegalArgumentException("No prefixes to skip in call sites: the array is null");
        }
        List<String> checked = new ArrayList<>();
        for (String prefix : prefixes) {
            checked.add(checkedPrefix(prefix, "SqlCount.skipInCallSites"));
        }
        ADDED.addAllAbsent(checked);
    }

    /** The prefixes of {@link #SKIP_PROPERTY}, parsed again only when the property changed. */
    private static List<String> propertyPrefixes() {
        String value = System.getProperty(SKIP_PROPERTY);
        PropertyPrefixes known = fromProperty;
        if (Objects.equals(value, known.value())) {
            return known.prefixes();
        }
        List<String> prefixes = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    prefixes.add(checkedPrefix(entry.strip(), "System property " + SKIP_PROPERTY));
                }
            }
        }
        fromProperty = new PropertyPrefixes(value, List.copyOf(prefixes));
        return fromProperty.prefixes();
    }

    /** A prefix of a Java class name: dot-separated identifier parts, a trailing dot allowed. */
    private static String checkedPrefix(String prefix, String source) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException(source + ": a prefix to skip in call sites is "
                    + (prefix == null ? "null" : "blank"));
        }
        if (!prefix.matches("[\\p{javaJavaIdentifierPart}$.]+")) {
            throw new IllegalArgumentException(source + ": '" + prefix + "' is not the start of a class"
                    + " name (such as 'com.example.persistence.' or 'com.example.Dao'), so it would"
                    + " skip no frame");
        }
        return prefix;
    }

    private record PropertyPrefixes(String value, List<String> prefixes) {
    }
}
