package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rainbow.pipeline.warehouse.TableFingerprint;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pipeline killed in the middle of a backfill leaves its execution "running" in the job repository. Here the
 * kill is written into the repository as a dead process leaves it (the last day still STARTED, the backfill
 * too); the next process's recovery marks both failed and restarts the backfill: only that day runs again, and
 * every mart ends as it was. (The fault suite kills the real process: scenario R4.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false",
        "rainbow.pipeline.grid-size=2"})
class InterruptedRunRecoveryIT {

    private static final LocalDate FIRST = LocalDate.of(2026, 2, 28);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 3);

    @Autowired
    private PartitionOperations operations;
    @Autowired
    private PartitionAssets assets;
    @Autowired
    private InterruptedRunRecovery recovery;
    /** The job repository's database (spring.datasource). */
    @Autowired
    private JdbcTemplate jobs;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        PipelineEngines.register(registry, "recovery_it", "/partition/three-days.sql");
    }

    @Test
    void aBackfillLeftRunningByADeadProcessResumesOnlyItsUnfinishedDay() throws Exception {
        JobExecution backfill = operations.backfill(FIRST, LAST);
        assertThat(backfill.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, TableFingerprint> marts = assets.fingerprintMarts();
        String lastDay = "backfill_day:day-" + LAST;
        // What kill -9 leaves: the backfill, its last day and that day's own job still STARTED, never ended.
        jobs.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
                + "where job_execution_id = ?", backfill.getId());
        jobs.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                + "where job_execution_id = ? and step_name in ('backfill_days', ?)", backfill.getId(), lastDay);
        long child = jobs.queryForObject("""
                select e.job_execution_id from batch_job_execution e
                join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                where i.job_name = 'dailyPartition' and p.parameter_name = 'partitionDate' and p.parameter_value = ?
                order by e.job_execution_id desc limit 1""", Long.class, LAST.toString());
        jobs.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
                + "where job_execution_id = ?", child);
        assertThat(operations.runningBackfills()).hasSize(1);

        recovery.resumeInterruptedRuns();

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!operations.runningBackfills().isEmpty() || resumed(backfill.getId()).isEmpty()) {
            assertThat(System.nanoTime()).as("the resumed backfill ends within 2 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        long resumedId = resumed(backfill.getId()).get(0);
        assertThat(operations.execution(resumedId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(operations.execution(backfill.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobs.queryForList("select step_name from batch_step_execution where job_execution_id = ? "
                + "and step_name like 'backfill_day:%'", String.class, resumedId)).containsExactly(lastDay);
        assertThat(assets.fingerprintMarts()).isEqualTo(marts);
    }

    private List<Long> resumed(long killed) {
        return jobs.queryForList("""
                select job_execution_id from batch_job_execution where job_execution_id > ? and status = 'COMPLETED'
                and job_instance_id = (select job_instance_id from batch_job_execution where job_execution_id = ?)""",
                Long.class, killed, killed);
    }
}
