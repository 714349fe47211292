package com.example.petclinic.owner;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.petclinic.ClinicData;
import com.example.petclinic.owner.PetController.TypeOption;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The owner pages through MockMvc, on the test's thread, against the seeded database: each counted
 * exactly, each under the suite's guard. The pets are batch-fetched, 8 owners a round trip.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OwnerControllerTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private OwnerRepository owners;

    @Test
    void theOwnersOfACityWithTheirPetsAreTwoSelects() throws Exception {
        SqlReport report = SqlCount.record(() -> mvc.perform(get("/owners").param("city", "Sun Prairie"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(contains("Owner 02", "Owner 05", "Owner 08", "Owner 11")))
                .andExpect(jsonPath("$[0].pets", hasSize(3))));

        assertThat(report).hasSelectCount(1 + 1).hasNoNPlusOne().hasNoDuplicateReads();
    }

    @Test
    void everyOwnerWithItsPetsIsOneSelectThenTwoBatches() throws Exception {
        SqlReport report = SqlCount.record(() -> mvc.perform(get("/owners"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(ClinicData.OWNERS))));

        assertThat(report).hasSelectCount(1 + 2).hasBatchFetch(2, ClinicData.OWNERS).hasNoNPlusOne();
    }

    @Test
    void aPageOfOwnersIsThePageTheCountAndOneBatchOfPets() throws Exception {
        SqlReport report = SqlCount.record(() -> mvc.perform(get("/owners/page")
                        .param("city", "Sun Prairie").param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owners[*].name").value(contains("Owner 08", "Owner 11")))
                .andExpect(jsonPath("$.total").value(4)));

        assertThat(report).hasSelectCount(3).hasNoNPlusOne().hasNoDuplicateReads();
    }

    @Test
    void anOwnersVisitsAreTwoSelects() throws Exception {
        SqlReport report = SqlCount.record(() -> mvc.perform(get("/owners/{name}/visits", "Owner 11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3 * 2))));

        assertThat(report).hasSelectCount(2).hasNoNPlusOne();
    }

    @Test
    void theNewPetFormIsTwoSelectsAndOneOptionPerType() throws Exception {
        Long ownerId = owners.findByName("Owner 07").orElseThrow().getId();

        SqlReport report = SqlCount.record(() -> mvc.perform(get("/owners/{ownerId}/pets/new", ownerId))
                .andExpect(status().isOk())
                .andExpect(model().attribute("owner", "Owner 07"))
                .andExpect(model().attribute("types", hasSize(ClinicData.TYPES.size()))));

        assertThat(report).hasSelectCount(2).hasNoDuplicateReads();
    }

    @Test
    void theNewPetFormListsTheTypesByName() throws Exception {
        Long ownerId = owners.findByName("Owner 07").orElseThrow().getId();

        @SuppressWarnings("unchecked")
        List<TypeOption> options = (List<TypeOption>) mvc.perform(get("/owners/{ownerId}/pets/new", ownerId))
                .andReturn().getModelAndView().getModel().get("types");

        assertThat(options).extracting(TypeOption::name).containsExactlyElementsOf(ClinicData.TYPES);
    }
}
