package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildNamesTest {

    @Test
    void generatedNamesArePrefixDashAndSixLettersOrDigits() {
        String name = ChildNames.generate("ci-7");

        assertThat(name).matches("ci-7-[a-z0-9]{6}");
    }

    @Test
    void generatedNamesDiffer() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(ChildNames.generate("x"));
        }

        assertThat(names).hasSize(1000);
    }

    @Test
    void prefixesFromJobsKeepOnlyLettersDigitsDashUnderscoreDot() {
        assertThat(ChildNames.forBuild("folder/My job (nightly)", "7")).isEqualTo("folder-My-job-nightly-7");
        assertThat(ChildNames.prefix("ünïcödé & <x>")).isEqualTo("n-c-d-x");
        assertThat(ChildNames.prefix("a\\b%c/d")).isEqualTo("a-b-c-d");
        assertThat(ChildNames.prefix("...---")).isEqualTo(ChildNames.DEFAULT_PREFIX);
        assertThat(ChildNames.prefix(null)).isEqualTo(ChildNames.DEFAULT_PREFIX);
    }

    @Test
    void longPrefixesAreCutSoThatNamesStayWithin80Characters() {
        String name = ChildNames.generate("j".repeat(200));

        assertThat(name).hasSize(ChildNames.MAX_LENGTH).matches("j+-[a-z0-9]{6}");
        assertThat(ChildNames.requireValid(name)).isEqualTo(name);
    }

    @Test
    void invalidNamesAreRefusedNamingTheValue() {
        for (String bad : List.of("a/b", "", "with space", "x".repeat(81), "a%2Fb", "back\\slash")) {
            assertThatThrownBy(() -> ChildNames.requireValid(bad))
                    .isInstanceOf(VmforkException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .satisfies(e -> assertThat(((VmforkException) e).kind()).isEqualTo(VmforkException.Kind.USAGE));
        }
        assertThat(ChildNames.requireValid("Ok_name-1.2")).isEqualTo("Ok_name-1.2");
    }

    @Test
    void slashBackslashAndPercentAreEscapedInPaths() {
        assertThat(ChildNames.escape("a/b\\c%d")).isEqualTo("a%2Fb%5Cc%25d");
        assertThat(ChildNames.unescape("a%2Fb%5Cc%25d")).isEqualTo("a/b\\c%d");
        assertThat(ChildNames.unescape("a%2fb")).isEqualTo("a/b");
        assertThat(ChildNames.unescape("100%")).isEqualTo("100%");
        assertThat(ChildNames.unescape("%252F")).isEqualTo("%2F");
    }

    @Test
    void pathsSplitIntoUnescapedNamesAndJoinBack() {
        String path = "/DC0/vm/team%2Fa/x%25y";

        List<String> names = ChildNames.splitPath(path);

        assertThat(names).containsExactly("DC0", "vm", "team/a", "x%y");
        assertThat(ChildNames.joinPath(names)).isEqualTo(path);
    }
}
