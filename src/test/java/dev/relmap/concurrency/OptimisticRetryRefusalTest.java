package dev.relmap.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.relmap.bootstrap.Database;
import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.testsupport.Contenders;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link OptimisticRetry} does when the database itself rolls a transaction back. Two
 * transactions lock rows 1 and 2 in opposite order, each waiting at a step until both hold their
 * first row: a real deadlock on every database, and the database picks a victim (SQLState 40001
 * on H2 and MariaDB, error 1213 on MariaDB; 40P01 on PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("OptimisticRetry and a transaction the database rolls back")
class OptimisticRetryRefusalTest {

    static final String FIRST_ROWS_LOCKED = "each transaction holds its first row";

    private RelmapUnit unit;

    @BeforeAll
    void open() {
        // Two contenders plus the connection the lock-timeout test holds while the other waits.
        unit = Contenders.unit(Relmap.unit("retry-refusal", Tally.class), 2, 1)
                .recreateSchemaAndOpen(DatabaseSettings.current());
    }

    @AfterAll
    void close() {
        unit.close();
    }

    @BeforeEach
    void twoTallies() {
        unit.entityManagerFactory().runInTransaction(em -> {
            em.createQuery("delete from Tally").executeUpdate();
            em.persist(new Tally(1));
            em.persist(new Tally(2));
        });
    }

    @Test
    @DisplayName("a deadlock victim is run again and commits: 3 attempts for 2 transactions, both changes land")
    void deadlockVictimIsRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        List<Throwable> outcomes = lockInOppositeOrder(2, attempts);

        assertThat(outcomes).containsOnlyNulls();
        assertThat(attempts).as("one victim, retried once").hasValue(3);
        assertThat(total(1)).isEqualTo(2);
        assertThat(total(2)).isEqualTo(2);
    }

    @Test
    @DisplayName("with one attempt, the victim gives up with RetriesExhaustedException carrying the database's refusal")
    void deadlockVictimGivesUpAfterTheBound() throws Exception {
        List<Throwable> outcomes = lockInOppositeOrder(1, new AtomicInteger());

        assertThat(outcomes).containsOnlyOnce((Throwable) null);
        RetriesExhaustedException gaveUp = (RetriesExhaustedException) outcomes.stream()
                .filter(outcome -> outcome != null).findFirst().orElseThrow();
        SQLException refusal = OptimisticRetry.retryableRefusal(gaveUp.lastFailure());
        assertThat((Object) refusal).as("the database's own exception, in the chain of the failure as thrown").isNotNull();
        assertThat(refusal.getSQLState()).isEqualTo(unit.settings().database() == Database.POSTGRESQL ? "40P01" : "40001");
        assertThat(gaveUp).hasMessageStartingWith("Gave up after 1 attempts: the last one was rolled back by the"
                + " database as a deadlock victim or a serialization failure (SQLState " + refusal.getSQLState());
        assertThat(gaveUp.getCause()).as("typed OptimisticLockException, as since 0.1.0")
                .hasMessageStartingWith("The database rolled the transaction back as retryable (SQLState")
                .cause().isSameAs(gaveUp.lastFailure());
        assertThat(total(1) + total(2)).as("only the winner's two changes").isEqualTo(2);
    }

    @Test
    @DisplayName("a lock wait timeout is thrown at once, not retried: the lock's holder is still there")
    void lockWaitTimeoutIsNotRetried() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> unit.entityManagerFactory().runInTransaction(em -> {
            em.find(Tally.class, 1L, LockModeType.PESSIMISTIC_WRITE).add(1);
            em.flush();
            held.countDown();
            awaitQuietly(release);
        }));
        holder.start();
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        AtomicInteger attempts = new AtomicInteger();

        RuntimeException timedOut;
        try {
            timedOut = catchThrowableOfType(RuntimeException.class, () ->
                    OptimisticRetry.runInTransaction(unit.entityManagerFactory(), 3, em -> {
                        attempts.incrementAndGet();
                        waitForLocksAtMostOneSecond(em);
                        em.find(Tally.class, 1L, LockModeType.PESSIMISTIC_WRITE).add(10);
                    }));
        } finally {
            release.countDown();
            holder.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(timedOut).isNotNull().isNotInstanceOf(RetriesExhaustedException.class);
        assertThat(OptimisticRetry.isRetryable(timedOut)).isFalse();
        assertThat(attempts).hasValue(1);
        assertThat(total(1)).as("the holder's change only").isEqualTo(1);
    }

    @Test
    @DisplayName("an SQLException with no SQLState (the work's own JDBC code, a dropped connection) is thrown as it is")
    void failureWithoutSqlStateIsThrownAsItIs() {
        AtomicInteger attempts = new AtomicInteger();

        RuntimeException thrown = catchThrowableOfType(RuntimeException.class, () ->
                OptimisticRetry.runInTransaction(unit.entityManagerFactory(), 3, em -> {
                    attempts.incrementAndGet();
                    em.find(Tally.class, 1L).add(1);
                    em.unwrap(Session.class).doWork(connection -> {
                        throw new SQLException("the work's own JDBC call failed");
                    });
                }));

        assertThat(thrown).as("not a NullPointerException from reading a null SQLState").isNotNull()
                .isNotInstanceOf(NullPointerException.class).isNotInstanceOf(RetriesExhaustedException.class)
                .rootCause().isInstanceOf(SQLException.class).hasMessage("the work's own JDBC call failed");
        assertThat(OptimisticRetry.isRetryable(thrown)).isFalse();
        assertThat(attempts).hasValue(1);
        assertThat(total(1)).as("rolled back").isEqualTo(0);
    }

    /**
     * Thread 1 locks row 1 then row 2, thread 2 row 2 then row 1, each adding 1 to both; on the
     * first attempt each waits until both hold their first row. What each threw, null once committed.
     */
    private List<Throwable> lockInOppositeOrder(int maxAttempts, AtomicInteger attempts) throws Exception {
        CountDownLatch oneCommitted = new CountDownLatch(1);
        return Contenders.run(unit, 2, me -> {
            long first = me.number();
            long second = 3 - me.number();
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            try {
                OptimisticRetry.runInTransaction(unit.entityManagerFactory(), maxAttempts, em -> {
                    attempts.incrementAndGet();
                    boolean isFirst = firstAttempt.getAndSet(false);
                    if (isFirst) {
                        me.connect(em);
                    } else {
                        // The victim's retry starts once the winner committed. Else, on H2, it can
                        // take its first row back before the waiting winner does, and deadlock again.
                        awaitQuietly(oneCommitted);
                    }
                    em.find(Tally.class, first, LockModeType.PESSIMISTIC_WRITE).add(1);
                    if (isFirst) {
                        me.reach(FIRST_ROWS_LOCKED);
                    }
                    em.find(Tally.class, second, LockModeType.PESSIMISTIC_WRITE).add(1);
                });
                oneCommitted.countDown();
                return null;
            } catch (RuntimeException failure) {
                oneCommitted.countDown();
                return failure;
            }
        });
    }

    /** Sets this transaction's lock wait to one second, in each database's own words. */
    private void waitForLocksAtMostOneSecond(EntityManager em) {
        String sql = switch (unit.settings().database()) {
            case H2 -> "set lock_timeout 1000";
            case POSTGRESQL -> "set local lock_timeout = '1s'";
            case MARIADB -> "set session innodb_lock_wait_timeout = 1";
        };
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    private int total(long id) {
        return unit.entityManagerFactory().callInTransaction(em -> em.find(Tally.class, id).getTotal());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
