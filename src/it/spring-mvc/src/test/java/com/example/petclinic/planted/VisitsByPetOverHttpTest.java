package com.example.petclinic.planted;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.petclinic.owner.OwnerService.VisitView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * The visits are right, and the guard fails the test: OwnerService.visitsPetByPet queries pet by
 * pet, on the server's thread, which only relmap.sqlcount.threads=all lets the guard see.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public class VisitsByPetOverHttpTest {

    @LocalServerPort
    private int port;

    @Test
    void listsAnOwnersVisitsPetByPet() {
        List<VisitView> visits = RestClient.create("http://localhost:" + port).get()
                .uri("/owners/{name}/visits/by-pet", "Owner 11")
                .retrieve().body(new ParameterizedTypeReference<>() {
                });

        assertThat(visits).hasSize(3 * 2);
    }
}
