package org.rainbow.pipeline.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadedDaysTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final LoadedDays days = new LoadedDays();

    @Test
    void aBuildTakesInEveryDayLoadedBeforeItAndTheirOwnBuildFindsItDoneOnce() {
        days.loaded(MONDAY);
        days.loaded(TUESDAY);
        assertThat(days.unbuilt()).containsExactlyInAnyOrder(MONDAY, TUESDAY);

        days.built(days.unbuilt(), MONDAY, 17);

        assertThat(days.unbuilt()).isEmpty();
        assertThat(days.builtAlready(MONDAY)).isEmpty();
        assertThat(days.builtAlready(TUESDAY)).hasValue(new LoadedDays.Build(MONDAY, 17));
        assertThat(days.builtAlready(TUESDAY)).as("a second build step of the day builds again").isEmpty();
    }

    @Test
    void aDayLoadedAgainAfterABuildTookItInIsBuiltByItsOwnStep() {
        days.loaded(TUESDAY);
        days.built(Set.of(MONDAY, TUESDAY), MONDAY, 17);
        days.loaded(TUESDAY);

        assertThat(days.builtAlready(TUESDAY)).isEmpty();
        assertThat(days.unbuilt()).containsExactly(TUESDAY);
    }
}
