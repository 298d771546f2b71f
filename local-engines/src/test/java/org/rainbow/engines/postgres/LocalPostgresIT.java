package org.rainbow.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.EngineVersions;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    @Test
    void serverAllowsLogicalDecodingAndKeepsDataAcrossRestart(@TempDir Path state) throws Exception {
        LocalPostgres.PostgresSettings settings = new LocalPostgres.PostgresSettings(0, state.resolve("data"),
                Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"), "rainbow", "rainbow", "rainbow", true);
        try (LocalPostgres postgres = LocalPostgres.start(settings);
             Connection connection = postgres.connect("rainbow");
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "show server_version")).isEqualTo(EngineVersions.current().postgresRelease());
            assertThat(single(sql, "show wal_level")).isEqualTo("logical");
            assertThat(single(sql, "show synchronous_commit")).isEqualTo("on");
            assertThat(single(sql, "show fsync")).isEqualTo("on");
            sql.execute("create table kept(v text)");
            sql.execute("insert into kept values ('survives')");
            sql.execute("select pg_create_logical_replication_slot('probe', 'pgoutput')");
            sql.execute("select pg_drop_replication_slot('probe')");
        }
        assertThat(Files.exists(state.resolve("data/PG_VERSION"))).isTrue();
        try (LocalPostgres postgres = LocalPostgres.start(settings);
             Connection connection = postgres.connect("rainbow");
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "select v from kept")).isEqualTo("survives");
            for (String user : new String[] {"rainbow", "postgres"}) {
                assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), user, "guess"))
                        .hasMessageContaining("password authentication failed");
            }
            postgres.ensureLogin(ServiceRole.API, "api-password");
            try (Connection api = DriverManager.getConnection(postgres.jdbcUrl(), "rainbow_api", "api-password");
                 Statement apiSql = api.createStatement()) {
                assertThat(single(apiSql, "select current_user")).isEqualTo("rainbow_api");
                assertThat(single(apiSql, "select rolsuper::text from pg_roles where rolname = current_user"))
                        .isEqualTo("false");
            }
        }
    }

    @Test
    void aTakenPortIsRefusedInsteadOfTalkingToWhateverServerHoldsIt(@TempDir Path state) throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalPostgres.PostgresSettings settings = new LocalPostgres.PostgresSettings(other.getLocalPort(),
                    state.resolve("data"), Path.of(System.getProperty("java.io.tmpdir"), "rainbow-pg-binaries"),
                    "rainbow", "rainbow", "rainbow", false);

            assertThatThrownBy(() -> LocalPostgres.start(settings)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port(s) [" + other.getLocalPort() + "] already in use");
            assertThat(Files.exists(state.resolve("data/PG_VERSION"))).isFalse();
        }
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
