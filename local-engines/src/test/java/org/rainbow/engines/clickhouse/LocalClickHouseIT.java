package org.rainbow.engines.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rainbow.engines.EngineVersions;

class LocalClickHouseIT {

    @Test
    void servesAModernClickHouseWithReplacingMergeTree() {
        ClickHouseFixture.freshDatabase("fixture_probe");
        LocalClickHouse clickHouse = ClickHouseFixture.shared();
        assertThat(clickHouse.query("SELECT version()")).startsWith(EngineVersions.current().clickhouseRelease() + ".");
        clickHouse.query("CREATE TABLE fixture_probe.t (id Int64, amount Decimal(12, 2), version UInt64, is_deleted UInt8)"
                + " ENGINE = ReplacingMergeTree(version, is_deleted) ORDER BY id");
        clickHouse.query("INSERT INTO fixture_probe.t VALUES (1, 10.10, 1, 0), (1, 12.34, 2, 0), (2, 5.00, 1, 0), (2, 5.00, 2, 1)");
        assertThat(clickHouse.query("SELECT id, amount FROM fixture_probe.t FINAL ORDER BY id")).isEqualTo("1\t12.34");
    }
}
