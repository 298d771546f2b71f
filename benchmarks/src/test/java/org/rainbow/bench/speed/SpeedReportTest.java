package org.rainbow.bench.speed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P2's verdicts are taken on the medians of the rounds' ratios, each ratio within its own round. */
class SpeedReportTest {

    private static final SpeedCommand.Options OPTIONS = new SpeedCommand.Options(30_000, 1_000, 20, 5, List.of());

    @Test
    void theGoalsJudgeTheMedianRoundNotTheFirstLastBestOrMean() {
        // End to end 0.9, 0.6, 0.95, 0.82, 0.7 x Debezium alone (mean 0.79); freshness p99 900, 2,500, 800, 950 and
        // 1,200 ms (mean 1,270): the median round is the fourth in both.
        SpeedReport report = new SpeedReport(OPTIONS, List.of(round(10_000, 9_000, 900), round(20_000, 12_000, 2_500),
                round(10_000, 9_500, 800), round(10_000, 8_200, 950), round(10_000, 7_000, 1_200)));

        assertThat(report.median(SpeedReport.Round::endToEndShare)).isEqualTo(0.82);
        assertThat(report.median(r -> r.freshness().p99())).isEqualTo(950);
        assertThat(printed(report))
                .containsPattern("end to end >= 0.8 x Debezium alone +0.82 x +PASS +\\(rounds: 0.90, 0.60, 0.95, 0.82, 0.70\\)")
                .containsPattern("freshness p99 <= 1,000 ms at 1,000 orders/s +950 ms +PASS")
                .contains("medians of 5 rounds");
    }

    @Test
    void anEvenNumberOfRoundsTakesTheMeanOfTheMiddleTwo() {
        SpeedReport report = new SpeedReport(OPTIONS, List.of(round(10_000, 7_000, 1_200), round(10_000, 9_000, 1_400)));

        assertThat(report.median(SpeedReport.Round::endToEndShare)).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(printed(report)).containsPattern("freshness p99 <= 1,000 ms at 1,000 orders/s +1300 ms +FAIL");
    }

    private static SpeedReport.Round round(double debezium, double endToEnd, double freshnessP99) {
        return new SpeedReport.Round(new RawKafkaPhase.Rates(40_000, 20_000), debezium, 8_000,
                new BridgeBacklogPhase.Rates(endToEnd * 1.05, endToEnd),
                new ClickHouseSpeedTables.Freshness(freshnessP99 / 2, freshnessP99, freshnessP99 * 1.1, 20_000, 990));
    }

    private static String printed(SpeedReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
