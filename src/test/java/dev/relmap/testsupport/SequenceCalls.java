package dev.relmap.testsupport;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.HiLoOptimizer;
import org.hibernate.id.enhanced.Optimizer;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

/**
 * How many sequence calls a fresh id generator makes to hand out a number of ids, by the optimizer
 * the factory chose for the entity. relmap's entities ask for a sequence with 50 ids per call:
 * <ul>
 *   <li>on H2, PostgreSQL and a single MariaDB server Hibernate's <b>pooled</b> optimizer takes it, whose
 *       first call on a fresh sequence reserves one id and every later call 50: {@code 1 + ⌈(M − 1) / 50⌉}
 *       calls for M ids;</li>
 *   <li>on a Galera cluster relmap's {@code GaleraDialect} makes it <b>hilo</b>, where every call
 *       reserves a block of 50: {@code ⌈M / 50⌉} calls (docs/scaling-out.md says why).</li>
 * </ul>
 * A test asserting sequence calls on a fresh unit takes its figure from here, so the same test holds
 * its exact count on every engine; any other optimizer is refused rather than guessed at.
 */
public final class SequenceCalls {

    private SequenceCalls() {
    }

    /** The sequence calls {@code factory} makes for the first {@code ids} ids of {@code entity}. */
    public static int forFreshIds(EntityManagerFactory factory, Class<?> entity, int ids) {
        if (ids < 0) {
            throw new IllegalArgumentException("ids must not be negative, was " + ids);
        }
        Optimizer optimizer = optimizer(factory, entity);
        int block = optimizer.getIncrementSize();
        if (ids == 0) {
            return 0;
        }
        if (optimizer instanceof HiLoOptimizer) {
            return ceilDiv(ids, block);
        }
        if (optimizer instanceof PooledOptimizer) {
            return 1 + ceilDiv(ids - 1, block);
        }
        throw new IllegalArgumentException(entity.getName() + "'s ids come from a "
                + optimizer.getClass().getSimpleName() + ", whose sequence calls are not modelled here");
    }

    /** The name of the optimizer behind {@code entity}'s ids: {@code pooled} or {@code hilo}, say. */
    public static String optimizerName(EntityManagerFactory factory, Class<?> entity) {
        Optimizer optimizer = optimizer(factory, entity);
        return optimizer instanceof HiLoOptimizer ? "hilo"
                : optimizer instanceof PooledOptimizer ? "pooled"
                : optimizer.getClass().getSimpleName();
    }

    private static Optimizer optimizer(EntityManagerFactory factory, Class<?> entity) {
        Generator generator = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                .getEntityDescriptor(entity).getGenerator();
        if (!(generator instanceof SequenceStyleGenerator sequence)) {
            throw new IllegalArgumentException(entity.getName() + "'s ids come from no sequence but a "
                    + generator.getClass().getSimpleName());
        }
        return sequence.getOptimizer();
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
