/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelsora.job;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Jobs in a table that several nodes share (tested on H2 and PostgreSQL). A claim is an {@code INSERT} on the
 * primary key, so of two nodes claiming one key exactly one succeeds; the database's unique-violation state
 * ({@code 23505}) tells the other one to read what is there. Each call uses its own auto-commit connection.
 */
public final class JdbcJobStore implements JobStore, SpendLedger {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "job_key, fingerprint, state, video_id, owner, claimed_at, updated_at,"
                                          + " file_path, status, error_code, error_message, server";

    private final DataSource dataSource;
    private final String table;

    /** Uses the table {@code camel_sora_jobs}, created if missing. */
    public JdbcJobStore(DataSource dataSource) {
        this(dataSource, "camel_sora_jobs", true);
    }

    /**
     * @param table       the table name (letters, digits, underscore)
     * @param createTable whether to create the table (and its video id index) when missing
     */
    public JdbcJobStore(DataSource dataSource, String table, boolean createTable) {
        if (dataSource == null) {
            // Camel resolves #bean:name in constructor arguments, but passes #name on as a String that converts to null
            throw new IllegalArgumentException("JdbcJobStore needs a DataSource; in YAML beans: or #class: constructor"
                                               + " arguments refer to it as \"#bean:myDataSource\"");
        }
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a plain table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
        if (createTable) {
            createTable();
        }
    }

    private void createTable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (job_key VARCHAR(512) NOT NULL PRIMARY KEY,"
                      + " fingerprint VARCHAR(128), state VARCHAR(16) NOT NULL, video_id VARCHAR(256),"
                      + " owner VARCHAR(256), claimed_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                      + " file_path VARCHAR(4096), status VARCHAR(64), error_code VARCHAR(256),"
                      + " error_message VARCHAR(4096), server VARCHAR(1024))");
            // tables made before records named their server
            s.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS server VARCHAR(1024)");
            s.execute("CREATE INDEX IF NOT EXISTS " + table + "_video ON " + table + " (video_id)");
            s.execute("CREATE TABLE IF NOT EXISTS " + table + "_spend (spend_day VARCHAR(10) NOT NULL PRIMARY KEY,"
                      + " spent DECIMAL(18, 6) NOT NULL)");
        } catch (SQLException e) {
            // another node may have created it at the same moment; only fail if it is really missing
            if (!tableExists()) {
                throw new JobStoreException("Cannot create the job table " + table + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean tableExists() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Optional<JobRecord> claim(JobRecord record) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, record);
            insert.executeUpdate();
            return Optional.empty();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return find(record.key());
            }
            throw new JobStoreException("Cannot claim key " + record.key() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<JobRecord> find(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM " + table + " WHERE job_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JobStoreException("Cannot read key " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(JobRecord record) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET fingerprint = ?, state = ?,"
                     + " video_id = ?, owner = ?, claimed_at = ?, updated_at = ?, file_path = ?, status = ?,"
                     + " error_code = ?, error_message = ?, server = ? WHERE job_key = ?")) {
            setNullable(update, 1, record.fingerprint());
            update.setString(2, record.state().name());
            setNullable(update, 3, record.videoId());
            setNullable(update, 4, record.owner());
            update.setLong(5, record.claimedAt().toEpochMilli());
            update.setLong(6, record.updatedAt().toEpochMilli());
            setNullable(update, 7, record.file());
            setNullable(update, 8, record.status());
            setNullable(update, 9, record.errorCode());
            setNullable(update, 10, record.errorMessage());
            setNullable(update, 11, record.server());
            update.setString(12, record.key());
            if (update.executeUpdate() == 0 && claim(record).isPresent()) {
                update(record); // raced with a remove and a new claim; write ours over it
            }
        } catch (SQLException e) {
            throw new JobStoreException("Cannot update key " + record.key() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE job_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new JobStoreException("Cannot remove key " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean holdsVideo(String videoId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT COUNT(*) FROM " + table + " WHERE video_id = ?")) {
            select.setString(1, videoId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new JobStoreException("Cannot look up video " + videoId + ": " + e.getMessage(), e);
        }
    }

    /** Every record, for tools and tests. */
    public List<JobRecord> all() {
        return query("SELECT " + COLUMNS + " FROM " + table);
    }

    private List<JobRecord> query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<JobRecord> records = new ArrayList<>();
            while (rows.next()) {
                records.add(read(rows));
            }
            return records;
        } catch (SQLException e) {
            throw new JobStoreException("Cannot read the job table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + table
                     + " WHERE state IN ('DELIVERED', 'FAILED') AND updated_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new JobStoreException("Cannot purge the job table " + table + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, JobRecord record) throws SQLException {
        statement.setString(1, record.key());
        setNullable(statement, 2, record.fingerprint());
        statement.setString(3, record.state().name());
        setNullable(statement, 4, record.videoId());
        setNullable(statement, 5, record.owner());
        statement.setLong(6, record.claimedAt().toEpochMilli());
        statement.setLong(7, record.updatedAt().toEpochMilli());
        setNullable(statement, 8, record.file());
        setNullable(statement, 9, record.status());
        setNullable(statement, 10, record.errorCode());
        setNullable(statement, 11, record.errorMessage());
        setNullable(statement, 12, record.server());
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static JobRecord read(ResultSet rows) throws SQLException {
        return new JobRecord(rows.getString(1), rows.getString(2), JobState.valueOf(rows.getString(3)),
                rows.getString(4), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6)),
                Instant.ofEpochMilli(rows.getLong(7)), rows.getString(8), rows.getString(9), rows.getString(10),
                rows.getString(11), rows.getString(12));
    }

    /**
     * One row per UTC day in {@code <table>_spend}; the check and the addition are one conditional UPDATE, so nodes
     * sharing the table never overspend together.
     */
    @Override
    public BigDecimal tryAdd(LocalDate day, BigDecimal amount, BigDecimal max) {
        String spendTable = table + "_spend";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + spendTable
                                                               + " (spend_day, spent) VALUES (?, 0)")) {
                insert.setString(1, day.toString());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && total(c, day) == null) {
                    throw e;
                }
                // the day's row is there already
            }
            try (PreparedStatement add = c.prepareStatement("UPDATE " + spendTable + " SET spent = spent + ?"
                                                            + " WHERE spend_day = ? AND spent + ? <= ?")) {
                add.setBigDecimal(1, amount);
                add.setString(2, day.toString());
                add.setBigDecimal(3, amount);
                add.setBigDecimal(4, max);
                if (add.executeUpdate() == 1) {
                    return null;
                }
            }
            BigDecimal total = total(c, day);
            return total == null ? BigDecimal.ZERO : total;
        } catch (SQLException e) {
            throw new JobStoreException("Cannot update the day's spend in " + spendTable + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void subtract(LocalDate day, BigDecimal amount) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table + "_spend SET spent = CASE WHEN"
                     + " spent > ? THEN spent - ? ELSE 0 END WHERE spend_day = ?")) {
            update.setBigDecimal(1, amount);
            update.setBigDecimal(2, amount);
            update.setString(3, day.toString());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new JobStoreException("Cannot update the day's spend: " + e.getMessage(), e);
        }
    }

    @Override
    public BigDecimal total(LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            BigDecimal total = total(c, day);
            return total == null ? BigDecimal.ZERO : total;
        } catch (SQLException e) {
            throw new JobStoreException("Cannot read the day's spend: " + e.getMessage(), e);
        }
    }

    private BigDecimal total(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT spent FROM " + table
                                                           + "_spend WHERE spend_day = ?")) {
            select.setString(1, day.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBigDecimal(1) : null;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcJobStore[" + table + "]";
    }
}
