package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyScheduleTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-24T00:00:00Z,    2026-11-23",  // the cron's own moment
            "2026-11-24T00:00:00.5Z,  2026-11-23",
            "2026-03-01T00:00:03Z,    2026-02-28",  // across a month end
            "2027-01-01T00:00:00Z,    2026-12-31"}) // and a year end
    void runsThePreviousUtcDay(Instant now, LocalDate partition) {
        assertThat(DailySchedule.partitionFor(now)).isEqualTo(partition);
    }
}
