package org.springframework.samples.petclinic;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relmap.bootstrap.DatabaseSettings;
import dev.relmap.bootstrap.Relmap;
import dev.relmap.bootstrap.RelmapUnit;
import dev.relmap.sqlcount.Child;
import dev.relmap.sqlcount.Parent;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import dev.relmap.sqlcount.spring.KitRepositories;
import dev.relmap.sqlcount.spring.ParentRepository;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * An application whose own code lives under {@code org.springframework}, as Spring Petclinic's does:
 * the kit skips Spring's data access packages, not the name, so this code is still the call site.
 */
@DisplayName("The call site in an application under org.springframework.samples")
class PetclinicCallSiteTest {

    private static RelmapUnit unit;
    private static AnnotationConfigApplicationContext context;
    private static List<Long> ids;
    private static ParentRepository parents;

    @BeforeAll
    static void open() {
        unit = Relmap.unit("kit-petclinic", Parent.class, Child.class).recreateSchemaAndOpen(DatabaseSettings.current());
        context = KitRepositories.open(unit);
        ids = KitRepositories.seed(context, 3);
        parents = context.getBean(ParentRepository.class);
    }

    @AfterAll
    static void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            unit.close();
        }
    }

    @Test
    @DisplayName("is the application's line: a loop over the repository is N+1 from it")
    void loopIsNamed() {
        SqlReport report = SqlCount.record(() -> ids.forEach(parents::findById));

        assertThat(report).hasSelectCount(3).hasNPlusOne();
        assertThat(report.nPlusOne().get(0).callSite())
                .startsWith(PetclinicCallSiteTest.class.getName() + ".lambda$");
    }

    @Test
    @DisplayName("is the application's line: two calls on two lines are not N+1")
    void twoLinesAreTwo() {
        SqlReport report = SqlCount.record(() -> {
            parents.findById(ids.get(0));
            parents.findById(ids.get(1));
        });

        assertThat(report).hasSelectCount(2).hasNoNPlusOne();
        assertThat(report.statements()).allSatisfy(statement -> assertThat(statement.callSite())
                .startsWith(PetclinicCallSiteTest.class.getName() + ".lambda$"));
    }
}
