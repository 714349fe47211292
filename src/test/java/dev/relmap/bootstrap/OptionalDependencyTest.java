package dev.relmap.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An optional dependency of the bootstrap")
class OptionalDependencyTest {

    @Test
    @DisplayName("is found when it is on the class path")
    void present() {
        assertThatCode(OptionalDependency.HIKARICP::require).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("fails, when missing, with one line naming the coordinates to add")
    void missing() {
        assertThatIllegalStateException()
                .isThrownBy(() -> OptionalDependency.require("com.example.NoSuchPool", "com.example:pool", "relmap pools"))
                .withMessage("relmap pools: add com.example:pool to your dependencies"
                        + " (relmap declares it optional, so that the statement-counting kit alone brings none)");
    }
}
