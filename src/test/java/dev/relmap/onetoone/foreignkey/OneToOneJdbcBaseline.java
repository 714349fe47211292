package dev.relmap.onetoone.foreignkey;

import dev.relmap.catalog.OneToOnePattern;
import dev.relmap.testsupport.JdbcBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The floor of {@link OneToOnePattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. Users with their profiles is one left join from the inverse side (a user without a
 * profile gets {@code null}); profiles with their users is the inner join from the owning side.
 */
public final class OneToOneJdbcBaseline implements JdbcBaseline {

    record UserRow(long id, String name, String email, ProfileRow profile) {
    }

    record ProfileRow(long id, String bio, String avatarUrl) {
    }

    record ProfileWithUser(ProfileRow profile, long userId, String userName, String userEmail) {
    }

    record CardRow(long id, String name, String email, String bio) {
    }

    private static final String USERS_WITH_PROFILES = """
            select u.id, u.name, u.email, p.id, p.bio, p.avatar_url
            from app_user u
            left join user_profile p on p.user_id = u.id
            order by u.id""";

    private static final String USERS_WITHOUT_PROFILE = """
            select u.id, u.name, u.email, p.id, p.bio, p.avatar_url
            from app_user u
            left join user_profile p on p.user_id = u.id
            where p.id is null
            order by u.id""";

    @Override
    public String pattern() {
        return "one-to-one";
    }

    @Override
    public List<JdbcRead> reads() {
        return List.of(
                new JdbcRead("users with their profiles", Set.of("lazy (N+1)", "JOIN FETCH", "entity graph"),
                        OneToOnePattern.USERS, (connection, n) -> countBios(usersWithProfiles(connection))),
                new JdbcRead("profiles with their users", Set.of("profiles JOIN FETCH user"),
                        OneToOnePattern.WITH_PROFILE, (connection, n) -> countNames(profilesWithUsers(connection))),
                new JdbcRead("users without profile", Set.of("users without profile"),
                        OneToOnePattern.WITHOUT_PROFILE,
                        (connection, n) -> countBios(usersWithoutProfile(connection))),
                new JdbcRead("cards", Set.of("cards (record)"), OneToOnePattern.USERS,
                        (connection, n) -> cards(connection).size()));
    }

    private static List<UserRow> users(Connection connection, String sql) throws SQLException {
        List<UserRow> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long profileId = rows.getLong(4);
                ProfileRow profile = rows.wasNull() ? null
                        : new ProfileRow(profileId, rows.getString(5), rows.getString(6));
                users.add(new UserRow(rows.getLong(1), rows.getString(2), rows.getString(3), profile));
            }
        }
        return users;
    }

    static List<UserRow> usersWithProfiles(Connection connection) throws SQLException {
        return users(connection, USERS_WITH_PROFILES);
    }

    static List<UserRow> usersWithoutProfile(Connection connection) throws SQLException {
        return users(connection, USERS_WITHOUT_PROFILE);
    }

    /** Reads every user's bio, as a user list showing it would. */
    private static int countBios(List<UserRow> users) {
        int read = 0;
        for (UserRow user : users) {
            read += user.profile() == null || user.profile().bio() != null ? 1 : 0;
        }
        return read;
    }

    static List<ProfileWithUser> profilesWithUsers(Connection connection) throws SQLException {
        List<ProfileWithUser> profiles = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select p.id, p.bio, p.avatar_url, u.id, u.name, u.email
                from user_profile p
                join app_user u on u.id = p.user_id
                order by p.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                profiles.add(new ProfileWithUser(new ProfileRow(rows.getLong(1), rows.getString(2), rows.getString(3)),
                        rows.getLong(4), rows.getString(5), rows.getString(6)));
            }
        }
        return profiles;
    }

    private static int countNames(List<ProfileWithUser> profiles) {
        return (int) profiles.stream().map(ProfileWithUser::userName).count();
    }

    static List<CardRow> cards(Connection connection) throws SQLException {
        List<CardRow> cards = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select u.id, u.name, u.email, p.bio
                from app_user u
                left join user_profile p on p.user_id = u.id
                order by u.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                cards.add(new CardRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return cards;
    }
}
