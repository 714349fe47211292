package com.example.petclinic.owner;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.example.petclinic.owner.PetController.TypeOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pet controller alone, its repositories mocked: this context has no DataSource at all, and the
 * suite's guard must neither fail it nor depend on another test having wrapped one first.
 */
@WebMvcTest(PetController.class)
class PetFormWebMvcTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private OwnerRepository owners;

    @MockitoBean
    private PetRepository pets;

    @MockitoBean
    private PetTypeRepository types;

    @Test
    void theNewPetFormOffersOneOptionPerType() throws Exception {
        given(owners.findById(7L)).willReturn(Optional.of(new Owner("Owner 07", "Monona")));
        given(types.findAllByOrderByName()).willReturn(List.of(new PetType("cat"), new PetType("dog")));

        mvc.perform(get("/owners/7/pets/new"))
                .andExpect(status().isOk())
                .andExpect(view().name(PetController.VIEW))
                .andExpect(model().attribute("owner", "Owner 07"))
                .andExpect(model().attribute("types",
                        List.of(new TypeOption(null, "cat", false), new TypeOption(null, "dog", false))));
    }
}
