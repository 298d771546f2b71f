package org.rainbow.deploy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A settings record of the shapes the services use (a scalar, an enum, a nested group, a map), for ServiceSettingsTest. */
@ConfigurationProperties("rainbow.sample.sink")
record SampleSinkProperties(@DefaultValue("true") boolean enabled, Engine engine,
                            @DefaultValue ClickHouse clickhouse, Map<String, String> labels) {

    enum Engine { DUCKDB, CLICKHOUSE }

    record ClickHouse(@DefaultValue("http://127.0.0.1:8123") String url, String speedDatabase) {
    }
}
