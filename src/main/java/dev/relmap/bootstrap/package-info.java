/**
 * Opens a pattern's persistence unit on H2, PostgreSQL or MariaDB without a
 * {@code persistence.xml}: {@link dev.relmap.bootstrap.Relmap#unit} describes the unit,
 * {@link dev.relmap.bootstrap.UnitSpec#recreateSchemaAndOpen} drops and recreates its schema and
 * opens it on the {@link dev.relmap.bootstrap.DatabaseSettings} it is given, and the
 * {@link dev.relmap.bootstrap.RelmapUnit} it returns holds the counted {@code EntityManagerFactory},
 * its pool and the rolled-back transactions tests use; {@link dev.relmap.bootstrap.UnitSpec#openReadOnly}
 * opens a second, read-only unit on a replica such as a PostgreSQL hot standby. Where to connect is read from the
 * environment only by {@link dev.relmap.bootstrap.DatabaseSettings#current()} (whether to print
 * the SQL, {@code relmap.sql}, and the default read timeout, {@code relmap.socketTimeout}, are read
 * as a unit opens); nothing here changes JVM-wide state. Every unit refuses text that does not fit
 * its column, or holds NUL, before any SQL ({@link dev.relmap.bootstrap.TextColumnCheck}).
 */
package dev.relmap.bootstrap;
