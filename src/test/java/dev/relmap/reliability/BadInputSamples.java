package dev.relmap.reliability;

import static dev.relmap.reliability.Sample.id;
import static dev.relmap.reliability.Sample.key;
import static dev.relmap.reliability.Sample.number;
import static dev.relmap.reliability.Sample.optional;
import static dev.relmap.reliability.Sample.raises;
import static dev.relmap.reliability.Sample.refused;
import static dev.relmap.reliability.Sample.text;
import static dev.relmap.reliability.Sample.value;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of every pattern's repositories, by name, each with a valid value and what makes
 * it bad ({@link Sample}). A parameter missing here fails {@link BadInputContractTest} by name.
 */
final class BadInputSamples {

    /**
     * One package's samples: by parameter name, or by {@code Class.method.parameter} where a name
     * means something else in one method; and the methods that answer an unknown id with another
     * typed refusal than {@code UnknownIdException} ({@code Void}: documented to accept it).
     */
    record Registry(Map<String, Sample> byName, Map<String, Sample> byMethod, Map<String, Class<?>> unknownIdAnswers) {

        Optional<Sample> sample(String method, String parameter) {
            return Optional.ofNullable(byMethod.get(method + "." + parameter))
                    .or(() -> Optional.ofNullable(byName.get(parameter)))
                    .or(() -> Optional.ofNullable(CONSTRUCTORS.get(parameter)));
        }
    }

    /** What every repository's constructor takes. */
    private static final Map<String, Sample> CONSTRUCTORS = Map.of(
            "entityManager", value((EntityManager em) -> em),
            "clock", value(Clock::systemUTC));

    private static final Map<String, Registry> BY_PACKAGE = Map.of(
            "dev.relmap.onetomany", new Registry(Map.of(
                    "id", id("select min(a.id) from Author a"),
                    "authorId", id("select min(a.id) from Author a"),
                    "bookId", id("select min(b.id) from Book b"),
                    "batchSize", number(10, 1),
                    "page", number(0, 0).with(refused("Integer.MAX_VALUE", Integer.MAX_VALUE)),
                    "size", number(10, 1),
                    "pages", number(100, 0),
                    "author", value(() -> dev.relmap.onetomany.SampleData.author(99, 2)),
                    "book", value(() -> new dev.relmap.onetomany.Book("Fresh", "fresh-isbn", 10))),
                    Map.of(), Map.of()),
            "dev.relmap.manytomany.link", new Registry(Map.of(
                    "bookId", id("select min(b.id) from Book b"),
                    "authorId", id("select min(a.id) from Author a"),
                    "title", text("Fresh"),
                    "isbn", text("fresh-isbn"),
                    "role", value(() -> dev.relmap.manytomany.link.AuthorRole.WRITER),
                    "credits", value(
                            (EntityManager em) -> List.of(dev.relmap.manytomany.link.AuthorCredit.writer(
                                    em.createQuery("select min(a.id) from Author a", Long.class).getSingleResult())),
                            refused("[null]", Arrays.asList((Object) null)),
                            raises("[unknown author]", List.of(dev.relmap.manytomany.link.AuthorCredit.writer(Sample.UNKNOWN_ID)),
                                    dev.relmap.manytomany.link.UnknownIdException.class))),
                    Map.of(), Map.of()),
            "dev.relmap.manytomany.enrollment", new Registry(Map.of(
                    "studentId", id("select min(s.id) from Student s"),
                    "courseCode", key("CS101", "XX404", dev.relmap.manytomany.enrollment.UnknownCourseCodeException.class),
                    "code", text("NEW101"),
                    "name", text("New course"),
                    "grade", number(90, 0, 100),
                    "lock", value(() -> dev.relmap.manytomany.enrollment.CourseSeats.Lock.PESSIMISTIC_WRITE)),
                    Map.of(), Map.of()),
            "dev.relmap.selfreferencing.category", new Registry(Map.of(
                    "id", id("select min(c.id) from Category c"),
                    "parentId", id("select min(c.id) from Category c"),
                    "categoryId", id("select max(c.id) from Category c"),
                    "newParentId", id("select min(c.id) from Category c"),
                    "name", text("Fresh")),
                    Map.of(), Map.of()),
            "dev.relmap.selfreferencing.employee", new Registry(Map.of(
                    "email", key(dev.relmap.selfreferencing.employee.SampleData.emailOf(2), "nobody@relmap.dev",
                            dev.relmap.selfreferencing.employee.UnknownIdException.class),
                    "managerEmail", key(dev.relmap.selfreferencing.employee.SampleData.topEmail(), "nobody@relmap.dev",
                            dev.relmap.selfreferencing.employee.UnknownIdException.class)),
                    Map.of(), Map.of()),
            "dev.relmap.onetoone.foreignkey", new Registry(Map.of(
                    "id", id("select min(u.id) from User u"),
                    "userId", id("select min(u.id) from User u"),
                    "user", value(() -> new dev.relmap.onetoone.foreignkey.User("Fresh", "fresh@relmap.dev")),
                    "profile", value(() -> new dev.relmap.onetoone.foreignkey.UserProfile("Bio", "https://relmap.dev/a.png"))),
                    Map.of(), Map.of()),
            "dev.relmap.onetoone.sharedkey", new Registry(Map.of(
                    "userId", id("select min(u.id) from User u"),
                    "user", value(() -> new dev.relmap.onetoone.sharedkey.User("Fresh", "fresh@relmap.dev")),
                    "bio", optional("Bio"),
                    "avatarUrl", optional("https://relmap.dev/a.png")),
                    Map.of(), Map.of()),
            "dev.relmap.polymorphic.exclusivearc", new Registry(Map.of(
                    "type", value(() -> dev.relmap.polymorphic.exclusivearc.Post.class,
                            refused("Commentable", dev.relmap.polymorphic.exclusivearc.Commentable.class)),
                    "itemId", id("select min(p.id) from Post p"),
                    "author", text("reader"),
                    "body", text("Nice."),
                    "limit", number(5, 1),
                    "batchSize", number(10, 1)),
                    Map.of(), Map.of()),
            "dev.relmap.polymorphic.supertype", new Registry(Map.of(
                    "itemId", id("select min(i.id) from Commentable i"),
                    "author", text("reader"),
                    "body", text("Nice."),
                    "limit", number(5, 1),
                    "batchSize", number(10, 1)),
                    Map.of(), Map.of()),
            "dev.relmap.polymorphic.any", new Registry(Map.of(
                    "type", value(() -> dev.relmap.polymorphic.any.Post.class,
                            refused("Commentable", dev.relmap.polymorphic.any.Commentable.class)),
                    "itemId", id("select min(p.id) from Post p"),
                    "author", text("reader"),
                    "body", text("Nice."),
                    "limit", number(5, 1),
                    "batchSize", number(10, 1)),
                    Map.of(),
                    // The pitfall it shows: @Any writes a comment on an item nothing checks.
                    Map.of("CommentRepository.addCommentUnchecked.itemId", Void.class)));

    private BadInputSamples() {
    }

    static Optional<Registry> of(String packageName) {
        return Optional.ofNullable(BY_PACKAGE.get(packageName));
    }
}
