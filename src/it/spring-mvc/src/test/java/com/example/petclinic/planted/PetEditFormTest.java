package com.example.petclinic.planted;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.petclinic.owner.Owner;
import com.example.petclinic.owner.OwnerRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The edit form is right, and the guard fails the test: PetController.editForm re-reads the type per option. */
@SpringBootTest
@AutoConfigureMockMvc
public class PetEditFormTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void offersOneOptionPerType(@Autowired OwnerRepository owners, @Autowired TransactionTemplate transaction)
            throws Exception {
        Long[] ids = transaction.execute(status -> {
            Owner owner = owners.findByName("Owner 11").orElseThrow();
            return new Long[] {owner.getId(), owner.getPets().get(0).getId()};
        });

        mvc.perform(get("/owners/{ownerId}/pets/{petId}/edit", ids[0], ids[1]))
                .andExpect(status().isOk())
                .andExpect(model().attribute("types", hasSize(6)));
    }
}
