/**
 * relmap on a replicated engine started on this machine's loopback by {@code .ci/cluster}: a
 * three-node MariaDB Galera cluster written through every node at once, and a PostgreSQL hot
 * standby read through a read-only unit, also while it is down. The tests here run only
 * when the cluster is up and are skipped, saying so, otherwise.
 */
package dev.relmap.cluster;
