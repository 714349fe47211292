package dev.relmap.sqlcount;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A counted prepared statement: besides what {@link CountingStatement} does, each value bound by
 * index is kept while a recording is active (see {@link CountingStatement#bind}), so the
 * statements a recording reports carry their parameters.
 */
@SuppressWarnings("deprecation") // it delegates JDBC's deprecated methods too, as a wrapper must
class CountingPreparedStatement extends CountingStatement implements PreparedStatement {

    private final PreparedStatement prepared;

    CountingPreparedStatement(PreparedStatement target, String sql, CountingConnection connection) {
        super(target, sql, connection);
        this.prepared = target;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return rows(SqlCount.isRecording() ? prepared(prepared::executeQuery) : prepared.executeQuery());
    }

    @Override
    public boolean execute() throws SQLException {
        return SqlCount.isRecording() ? prepared(prepared::execute) : prepared.execute();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return SqlCount.isRecording() ? prepared(prepared::executeUpdate) : prepared.executeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return SqlCount.isRecording() ? prepared(prepared::executeLargeUpdate) : prepared.executeLargeUpdate();
    }

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
        addBatchedRow();
    }

    @Override
    public void clearParameters() throws SQLException {
        clearBound();
        prepared.clearParameters();
    }

    // Generated: delegates every other method PreparedStatement declares, default methods included;
    // a setter also hands the value it bound to bind().

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return prepared.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return prepared.getParameterMetaData();
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        prepared.setArray(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x, length);
        bind(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        prepared.setAsciiStream(parameterIndex, x, length);
        bind(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        prepared.setBigDecimal(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x, length);
        bind(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        prepared.setBinaryStream(parameterIndex, x, length);
        bind(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        prepared.setBlob(parameterIndex, inputStream);
        bind(parameterIndex, inputStream);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        prepared.setBlob(parameterIndex, inputStream, length);
        bind(parameterIndex, inputStream);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        prepared.setBlob(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        prepared.setBoolean(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        prepared.setByte(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        prepared.setBytes(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        prepared.setCharacterStream(parameterIndex, reader);
        bind(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        prepared.setCharacterStream(parameterIndex, reader, length);
        bind(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        prepared.setCharacterStream(parameterIndex, reader, length);
        bind(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        prepared.setClob(parameterIndex, reader);
        bind(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        prepared.setClob(parameterIndex, reader, length);
        bind(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        prepared.setClob(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        prepared.setDate(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        prepared.setDate(parameterIndex, x, cal);
        bind(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        prepared.setDouble(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        prepared.setFloat(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        prepared.setInt(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        prepared.setLong(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        prepared.setNCharacterStream(parameterIndex, value);
        bind(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        prepared.setNCharacterStream(parameterIndex, value, length);
        bind(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        prepared.setNClob(parameterIndex, reader);
        bind(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        prepared.setNClob(parameterIndex, reader, length);
        bind(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        prepared.setNClob(parameterIndex, value);
        bind(parameterIndex, value);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        prepared.setNString(parameterIndex, value);
        bind(parameterIndex, value);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        prepared.setNull(parameterIndex, sqlType);
        bind(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        prepared.setNull(parameterIndex, sqlType, typeName);
        bind(parameterIndex, null);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        prepared.setObject(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType);
        bind(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        bind(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType);
        bind(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        bind(parameterIndex, x);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        prepared.setRef(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        prepared.setRowId(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        prepared.setSQLXML(parameterIndex, xmlObject);
        bind(parameterIndex, xmlObject);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        prepared.setShort(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        prepared.setString(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        prepared.setTime(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        prepared.setTime(parameterIndex, x, cal);
        bind(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        prepared.setTimestamp(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        prepared.setTimestamp(parameterIndex, x, cal);
        bind(parameterIndex, x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        prepared.setURL(parameterIndex, x);
        bind(parameterIndex, x);
    }

    @Override
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        prepared.setUnicodeStream(parameterIndex, x, length);
        bind(parameterIndex, x);
    }
}
