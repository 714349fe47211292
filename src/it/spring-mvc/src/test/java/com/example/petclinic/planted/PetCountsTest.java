package com.example.petclinic.planted;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The pet counts are right, and the guard fails the test: OwnerService.petCounts counts owner by owner. */
@SpringBootTest
@AutoConfigureMockMvc
public class PetCountsTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void countsEachOwnersPets() throws Exception {
        mvc.perform(get("/owners/pet-counts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['Owner 01']").value(2))
                .andExpect(jsonPath("$['Owner 11']").value(3));
    }
}
