/**
 * What a write needs when several people edit the same row at once: {@link
 * dev.relmap.concurrency.OptimisticRetry} re-runs a read-modify-write transaction that lost an
 * optimistic-locking race, or that the database rolled back as a deadlock victim or a
 * serialization (on Galera: certification) failure, a bounded number of times, and {@link
 * dev.relmap.concurrency.RetriesExhaustedException} says when it gave up.
 */
package dev.relmap.concurrency;
