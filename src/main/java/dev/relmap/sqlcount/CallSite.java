package dev.relmap.sqlcount;

import java.lang.StackWalker.StackFrame;
import java.sql.Wrapper;
import java.util.List;
import java.util.Set;

/**
 * The line of user code behind one JDBC execution, found by walking the stack only when a recording
 * asks for it: the walk is the kit's main cost (tens of microseconds under a deep Hibernate stack),
 * so recordings ask only when they need it. One instance per execution, shared by every recording
 * that sees it.
 *
 * <p>The call site is the first frame, going outwards, after the OUTERMOST frame of a JDBC object
 * (a class implementing {@link Wrapper}: this kit's proxies, a pool's, a driver's, or another JDBC
 * proxy wrapped around this kit), skipping Hibernate, the JDK, byte-code proxies and this kit's own
 * entry points. Anything between two JDBC objects is plumbing, whoever wrote it.
 */
final class CallSite {

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final List<String> LIBRARIES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "org.hibernate.", "net.bytebuddy.");
    /** The kit's own classes a user's code calls into (lambdas are nest members of their class). */
    private static final Set<Class<?>> KIT = Set.of(SqlCount.class, Recording.class, CallSite.class);
    /** Hibernate's {@code GenerationType.TABLE} id allocation (not identity inserts, which are data). */
    private static final List<String> ID_TABLE = List.of(
            "org.hibernate.id.enhanced.TableGenerator", "org.hibernate.id.enhanced.TableStructure");

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
        for (String prefix : LIBRARIES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return name.contains("$HibernateProxy") || KIT.contains(type.getNestHost());
    }
}
