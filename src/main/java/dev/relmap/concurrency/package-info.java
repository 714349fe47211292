/**
 * What a write needs when several people edit the same row at once: {@link
 * dev.relmap.concurrency.OptimisticRetry} re-runs a read-modify-write transaction that lost an
 * optimistic-locking race, a bounded number of times, and {@link
 * dev.relmap.concurrency.RetriesExhaustedException} says when it gave up.
 */
package dev.relmap.concurrency;
