package com.example.petclinic.vet;

import static dev.relmap.sqlcount.assertj.SqlAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.petclinic.ClinicData;
import dev.relmap.sqlcount.SqlCount;
import dev.relmap.sqlcount.SqlReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The vets and their specialties, a many-to-many, through MockMvc and the repository. */
@SpringBootTest
@AutoConfigureMockMvc
class VetControllerTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private VetRepository vets;

    @Test
    void everyVetWithItsSpecialtiesIsTwoSelects() throws Exception {
        SqlReport report = SqlCount.record(() -> mvc.perform(get("/vets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(ClinicData.VETS)))
                .andExpect(jsonPath("$[0].specialties").value(contains("dentistry", "radiology")))
                .andExpect(jsonPath("$[2].specialties").value(contains("dentistry"))));

        assertThat(report).hasSelectCount(1 + 1).hasNoNPlusOne();
    }

    @Test
    void theVetsOfASpecialtyAreOneSelectThroughTheJoinTable() {
        SqlCount.Recorded<List<Vet>> surgeons = SqlCount.recordResult(() -> vets.findBySpecialtiesNameOrderByName("surgery"));

        assertThat(surgeons.report()).hasSelectCount(1);
        assertThat(surgeons.value()).extracting(Vet::getName).containsExactly("Vet 2", "Vet 5");
    }
}
