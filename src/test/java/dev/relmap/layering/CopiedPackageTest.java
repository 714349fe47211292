package dev.relmap.layering;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.processor.HibernateProcessor;
import org.hibernate.tool.schema.Action;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pattern package is copied whole: its sources, moved to another package, compile against
 * jakarta.persistence-api and hibernate-core alone (with Hibernate's processor for the static
 * metamodel), boot with a plain {@link HibernatePersistenceConfiguration} on H2 — no relmap
 * bootstrap, no kit — and seed and read what they do in relmap.
 */
class CopiedPackageTest {

    private static final int N = 10;

    /** One read of a package's repository and the rows it returns for {@link #N} seeded roots. */
    record Read(String packageName, String repository, String method, Object[] arguments, int rows) {

        @Override
        public String toString() {
            return packageName + ": " + repository + "." + method + " reads " + rows + " rows";
        }
    }

    /** The seeds' shapes: N authors, books, students, users or comments; the N categories make one tree. */
    static Stream<Read> reads() {
        return Stream.of(
                new Read("dev.relmap.onetomany", "AuthorRepository", "findAllWithBooks", new Object[0], N),
                new Read("dev.relmap.manytomany.link", "BookRepository", "findAllWithAuthors", new Object[0], N),
                new Read("dev.relmap.manytomany.enrollment", "EnrollmentRepository", "findTranscripts", new Object[0], N + N / 2),
                new Read("dev.relmap.selfreferencing.category", "CategoryRepository", "subtreeSizes", new Object[0], 1),
                new Read("dev.relmap.selfreferencing.employee", "EmployeeRepository", "headcounts", new Object[0], N),
                new Read("dev.relmap.onetoone.foreignkey", "UserRepository", "findAllWithProfiles", new Object[0], N),
                new Read("dev.relmap.onetoone.sharedkey", "UserRepository", "findAllWithProfiles", new Object[0], N),
                new Read("dev.relmap.polymorphic.exclusivearc", "CommentRepository", "latestWithItems", new Object[] {1000}, N),
                new Read("dev.relmap.polymorphic.supertype", "CommentRepository", "latestWithItems", new Object[] {1000}, N),
                new Read("dev.relmap.polymorphic.any", "CommentRepository", "latestWithItems", new Object[] {1000}, N));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void compilesBootsSeedsAndReadsOnItsOwn(Read read, @TempDir Path scratch) throws Exception {
        String copiedPackage = "com.example.copied." + read.packageName().substring(read.packageName().lastIndexOf('.') + 1);

        Path sources = copy(read.packageName(), copiedPackage, scratch.resolve("src"));
        Path classes = compile(sources, scratch.resolve("classes"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(readAfterSeeding(loader, copiedPackage, classes, read)).as(read.toString()).isEqualTo(read.rows());
        }
        assertThat(readAfterSeeding(getClass().getClassLoader(), read.packageName(), null, read))
                .as("the same read in relmap's own package").isEqualTo(read.rows());
    }

    /** Copies the package's sources (not its subpackages) to {@code target}, renaming the package. */
    private static Path copy(String packageName, String target, Path root) throws IOException {
        Path from = Path.of("src/main/java", packageName.replace('.', '/'));
        Path to = root.resolve(target.replace('.', '/'));
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8).replace(packageName, target);
                Files.writeString(to.resolve(file.getFileName()), source, StandardCharsets.UTF_8);
            }
        }
        return to;
    }

    /** Compiles with jakarta.persistence-api and hibernate-core as the whole class path. */
    private static Path compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classPath = jarOf(Entity.class) + File.pathSeparator + jarOf(Session.class);
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             Stream<Path> list = Files.list(sources)) {
            List<String> options = List.of("--release", "17", "-proc:full", "-d", classes.toString(),
                    "-classpath", classPath,
                    "-processorpath", processorPath(),
                    "-processor", HibernateProcessor.class.getName());
            boolean compiled = compiler.getTask(diagnostics, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(list.toList())).call();
            assertThat(compiled).as("the copy compiles on its own:%n%s", diagnostics).isTrue();
        }
        return classes;
    }

    private static int readAfterSeeding(ClassLoader loader, String packageName, Path classes, Read read) throws Exception {
        List<Class<?>> entities = new ArrayList<>();
        for (String name : classNames(packageName, classes)) {
            Class<?> type = Class.forName(name, true, loader);
            if (type.isAnnotationPresent(Entity.class)) {
                entities.add(type);
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try (EntityManagerFactory factory = new HibernatePersistenceConfiguration(packageName)
                .managedClasses(entities)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, h2(packageName))
                .schemaToolingAction(Action.CREATE_DROP)
                .createEntityManagerFactory()) {
            Class<?> sampleData = Class.forName(packageName + ".SampleData", true, loader);
            factory.runInTransaction(em -> invoke(sampleData, "seed", null, em, N));
            Class<?> repository = Class.forName(packageName + "." + read.repository(), true, loader);
            return factory.callInTransaction(em -> {
                Object instance = construct(repository, em);
                return ((List<?>) invoke(repository, read.method(), instance, read.arguments())).size();
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static List<String> classNames(String packageName, Path classes) throws IOException {
        Path directory = classes != null
                ? classes.resolve(packageName.replace('.', '/'))
                : Path.of("target/classes", packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> packageName + "." + name.substring(0, name.length() - ".class".length()))
                    .toList();
        }
    }

    private static Object construct(Class<?> type, EntityManager entityManager) {
        try {
            return type.getConstructor(EntityManager.class).newInstance(entityManager);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no public constructor taking an EntityManager", e);
        }
    }

    private static Object invoke(Class<?> type, String name, Object target, Object... arguments) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                try {
                    return method.invoke(target, arguments);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + "." + name + " failed", e);
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no method " + name + " of " + arguments.length + " parameters");
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("no class path entry for " + type, e);
        }
    }

    /** The test class path, on which Maven put Hibernate's processor and what it needs. */
    private static String processorPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(path).as("the test class path").contains("hibernate-processor");
        return path;
    }
}
