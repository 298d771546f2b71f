package org.rainbow.api.generator;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The generator's bookkeeping row ({@code generator_history_plan}). Plain JDBC: it is no shop data, and it joins
 * the JPA transaction of the day it records, so a day and its mark commit together.
 */
@Component
class HistoryPlanStore {

    private final JdbcClient jdbc;

    HistoryPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HistoryPlan> find() {
        return jdbc.sql("select seed, first_day, end_day, next_day from generator_history_plan where id = 1")
                .query((row, n) -> new HistoryPlan(row.getLong("seed"), row.getObject("first_day", LocalDate.class),
                        row.getObject("end_day", LocalDate.class), row.getObject("next_day", LocalDate.class)))
                .optional();
    }

    void create(HistoryPlan plan) {
        jdbc.sql("insert into generator_history_plan (id, seed, first_day, end_day, next_day) values (1, ?, ?, ?, ?)")
                .params(plan.seed(), plan.firstDay(), plan.endDay(), plan.nextDay()).update();
    }

    void advance(LocalDate nextDay) {
        jdbc.sql("update generator_history_plan set next_day = ?, updated_at = now() where id = 1")
                .param(nextDay).update();
    }
}
