package dev.relmap.polymorphic.any;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** The discriminator {@link Comment} stores for each type, and its refusal of a type it does not map. */
class CommentDiscriminatorTest {

    @Test
    void namesTheDiscriminatorOfEachMappedType() {
        assertThat(Comment.discriminatorOf(Post.class)).isEqualTo(Comment.POST);
        assertThat(Comment.discriminatorOf(Product.class)).isEqualTo(Comment.PRODUCT);
    }

    @Test
    void refusesANullTypeNamingTheParameter() {
        Throwable refused = catchThrowable(() -> Comment.discriminatorOf(null));

        assertThat(refused).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("type must not be null");
    }

    @Test
    void refusesATypeItDoesNotMapNamingIt() {
        Throwable refused = catchThrowable(() -> Comment.discriminatorOf(Commentable.class));

        assertThat(refused).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Commentable is not a mapped Commentable");
    }
}
