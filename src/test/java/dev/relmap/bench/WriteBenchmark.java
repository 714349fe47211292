package dev.relmap.bench;

import dev.relmap.bootstrap.Relmap;
import dev.relmap.onetomany.Author;
import dev.relmap.onetomany.Book;
import dev.relmap.onetomany.SampleData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One author with {@link #books} books written, flushed and rolled back (so the tables stay
 * empty and every operation does the same work), in one of the ways relmap compares:
 * {@value #SEQUENCE} (one-to-many's own mapping: pooled sequence ids, JDBC batches of
 * {@value Relmap#JDBC_BATCH_SIZE}), {@value #IDENTITY} (one INSERT per row, no batching),
 * {@value #STATELESS} (the same entities through a StatelessSession) and {@value #JDBC_BATCH} (the
 * floor: prepared INSERTs in batches of the same size, ids assigned by the benchmark). A variant
 * may end in {@code " | key=value"}: a driver property set on the pool, such as pgjdbc's
 * {@code reWriteBatchedInserts=true}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WriteBenchmark {

    public static final String SEQUENCE = "sequence ids + JDBC batch (relmap)";
    public static final String IDENTITY = "IDENTITY ids";
    public static final String STATELESS = "StatelessSession.insertMultiple";
    public static final String JDBC_BATCH = "JDBC batch";

    @Param(SEQUENCE)
    public String variant;

    @Param("1000")
    public int books;

    private Callable<Integer> write;
    private long next = 1;

    @Setup(Level.Trial)
    public void open() {
        String[] parts = variant.split(" \\| ", 2);
        String way = parts[0];
        String driverProperty = parts.length > 1 ? parts[1] : null;
        Seeded seeded = way.equals(IDENTITY)
                ? Seeded.empty(Relmap.unit("bench-identity", IdentityAuthor.class, IdentityBook.class))
                : Seeded.of("one-to-many", 0);
        DataSource pool = driverProperty == null ? seeded.rawPool : seeded.poolWith(driverProperty);
        EntityManagerFactory factory = way.equals(JDBC_BATCH) ? null : seeded.factoryOn(pool);
        write = switch (way) {
            case SEQUENCE -> () -> inTransaction(factory, entityManager -> {
                Author author = SampleData.author((int) next++, books);
                entityManager.persist(author);
                entityManager.flush();
                return (int) author.getBooks().stream().map(Book::getId).filter(id -> id != null).count();
            });
            case IDENTITY -> () -> inTransaction(factory, entityManager -> {
                long i = next++;
                IdentityAuthor author = new IdentityAuthor("Author " + i, "author-" + i + "@relmap.dev");
                entityManager.persist(author);
                int written = 0;
                for (int j = 1; j <= books; j++) {
                    IdentityBook book = new IdentityBook("Book " + i + "." + j, i + "-" + j, 100 * j, author);
                    entityManager.persist(book);
                    written += book.getId() != null ? 1 : 0;
                }
                entityManager.flush();
                return written;
            });
            case STATELESS -> () -> stateless(factory.unwrap(SessionFactory.class));
            case JDBC_BATCH -> () -> jdbcBatch(pool);
            default -> throw new IllegalArgumentException("Unknown write variant '" + variant + "'");
        };
    }

    @Benchmark
    public int write(CpuTime cpu) throws Exception {
        cpu.start();
        int written = write.call();
        cpu.stop();
        if (written != books) {
            throw new IllegalStateException(variant + " wrote " + written + " books, not " + books);
        }
        return written;
    }

    private interface Work {
        int apply(EntityManager entityManager);
    }

    private static int inTransaction(EntityManagerFactory factory, Work work) {
        try (EntityManager entityManager = factory.createEntityManager()) {
            entityManager.getTransaction().begin();
            try {
                return work.apply(entityManager);
            } finally {
                entityManager.getTransaction().rollback();
            }
        }
    }

    private int stateless(SessionFactory factory) {
        try (StatelessSession session = factory.openStatelessSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                Author author = SampleData.author((int) next++, books);
                session.insert(author);
                List<Book> written = new ArrayList<>(author.getBooks());
                session.insertMultiple(written);
                return (int) written.stream().map(Book::getId).filter(id -> id != null).count();
            } finally {
                transaction.rollback();
            }
        }
    }

    /** The floor: one INSERT for the author, then the books in batches of relmap's size. */
    private int jdbcBatch(DataSource pool) throws Exception {
        long authorId = 1_000_000_000L + next++;
        try (Connection connection = pool.getConnection()) {
            try {
                try (PreparedStatement author = connection.prepareStatement(
                        "insert into author (name, email, id) values (?, ?, ?)")) {
                    author.setString(1, "Author " + authorId);
                    author.setString(2, "author-" + authorId + "@relmap.dev");
                    author.setLong(3, authorId);
                    author.executeUpdate();
                }
                int written = 0;
                try (PreparedStatement book = connection.prepareStatement(
                        "insert into book (author_id, isbn, pages, title, id) values (?, ?, ?, ?, ?)")) {
                    for (int j = 1; j <= books; j++) {
                        book.setLong(1, authorId);
                        book.setString(2, authorId + "-" + j);
                        book.setInt(3, 100 * j);
                        book.setString(4, "Book " + authorId + "." + j);
                        book.setLong(5, authorId * 10_000 + j);
                        book.addBatch();
                        if (j % Relmap.JDBC_BATCH_SIZE == 0 || j == books) {
                            written += succeeded(book.executeBatch());
                        }
                    }
                }
                return written;
            } finally {
                connection.rollback();
            }
        }
    }

    private static int succeeded(int[] counts) {
        int rows = 0;
        for (int count : counts) {
            rows += count == 1 || count == Statement.SUCCESS_NO_INFO ? 1 : 0;
        }
        return rows;
    }
}
