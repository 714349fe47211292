package com.example.petclinic;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.petclinic.owner.OwnerService.OwnerView;
import dev.relmap.sqlcount.Recording;
import dev.relmap.sqlcount.SqlCount;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The real server on a random port: the request is served by one of the server's threads, not the
 * test's, which the suite's guard sees because relmap.sqlcount.threads=all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClinicServerTest {

    @LocalServerPort
    private int port;

    @Test
    void theServerAnswersTheOwnersOfACityInTwoSelects() {
        RestClient client = RestClient.create("http://localhost:" + port);

        try (Recording recording = SqlCount.startAllThreads()) { // the server's thread runs the SQL
            List<OwnerView> owners = client.get().uri("/owners?city={city}", "Monona")
                    .retrieve().body(new ParameterizedTypeReference<>() {
                    });

            assertThat(owners).extracting(OwnerView::name).containsExactly("Owner 01", "Owner 04", "Owner 07", "Owner 10");
            assertThat(recording.stop()).hasSelectCount(1 + 1).hasNoNPlusOne();
        }
    }
}
