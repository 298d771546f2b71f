package org.rainbow.speed.sink;

import java.util.Map;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.RainbowTables;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Shows one speed-table row as the sink wrote it, e.g. {@code GET /api/v1/speed/orders/42}: the way to check
 * that a change arrived while the sink's process holds the DuckDB file (DuckDB admits one writing process per file).
 */
@RestController
public class SpeedRowController {

    private final SpeedTableWriter tables;

    public SpeedRowController(SpeedTableWriter tables) {
        this.tables = tables;
    }

    @GetMapping("/api/v1/speed/{table}/{id}")
    public Map<String, Object> row(@PathVariable String table, @PathVariable long id) {
        CapturedTable captured = RainbowTables.byName(table).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no speed table " + table));
        return tables.find(captured, id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no row " + id + " in speed table " + table));
    }
}
