package com.example.petclinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.petclinic.owner.OwnerService;
import com.example.petclinic.owner.PetController;
import com.example.petclinic.planted.PetCountsTest;
import com.example.petclinic.planted.PetEditFormTest;
import com.example.petclinic.planted.VisitsByPetOverHttpTest;
import dev.relmap.sqlcount.junit.AllowNPlusOne;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The guard catches each defect planted in the application: runs each test class of
 * {@code com.example.petclinic.planted} with the suite's own switch (junit-platform.properties, read
 * as Jupiter reads it) and checks that it failed with an AssertionError naming the verdict and the
 * application's line. The planted tests share the other tests' Spring contexts (the same
 * configuration, so Spring's context cache hands them over).
 */
@AllowNPlusOne("runs the planted defects: their own guard fails them, and this test checks how")
class PlantedDefectsTest {

    // tag::planted-test[]
    @Test
    void countingEachOwnersPetsOneQueryAtATimeIsAnNPlusOneAtTheLoopsLine() throws IOException {
        AssertionError failure = runAndExpectTheGuardToFail(PetCountsTest.class);

        assertThat(failure).hasMessageContaining("N+1")
                .hasMessageContaining("first called from " + OwnerService.class.getName() + ".petCounts("
                        + lineOf(OwnerService.class, "pets.countByOwnerId(owner.getId())") + ")");
    }
    // end::planted-test[]

    @Test
    void reReadingThePetsTypeForEveryOptionIsADuplicateReadAtTheLoopsLine() throws IOException {
        AssertionError failure = runAndExpectTheGuardToFail(PetEditFormTest.class);

        assertThat(failure).hasMessageContaining("duplicate read")
                .hasMessageContaining("first called from " + PetController.class.getName() + ".editForm("
                        + lineOf(PetController.class, "types.findById(pet.getType().getId())") + ")");
    }

    @Test
    void anNPlusOneOnTheServersThreadIsCaughtAtTheLoopsLine() throws IOException {
        AssertionError failure = runAndExpectTheGuardToFail(VisitsByPetOverHttpTest.class);

        assertThat(failure).hasMessageContaining("N+1")
                .hasMessageContaining("first called from " + OwnerService.class.getName() + ".visitsPetByPet("
                        + lineOf(OwnerService.class, "visits.findByPetIdOrderByDate(pet.getId())") + ")");
    }

    // tag::run-planted[]
    /** Runs one planted class as surefire would, with the suite's configuration; its one test must fail. */
    private static AssertionError runAndExpectTheGuardToFail(Class<?> plantedTest) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // src/test/resources/junit-platform.properties
                .selectors(selectClass(plantedTest))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = tests.failed().list().get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class);
        return (AssertionError) failure;
    }
    // end::run-planted[]

    /** "OwnerService.java:57": the one line of the application's source holding {@code code}. */
    private static String lineOf(Class<?> type, String code) throws IOException {
        Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
        List<String> lines = Files.readAllLines(source);
        List<Integer> found = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(code)).boxed().toList();
        assertThat(found).as("lines of %s holding %s", source, code).hasSize(1);
        return source.getFileName() + ":" + (found.get(0) + 1);
    }
}
