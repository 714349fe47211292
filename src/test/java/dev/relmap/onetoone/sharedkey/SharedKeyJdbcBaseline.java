package dev.relmap.onetoone.sharedkey;

import dev.relmap.catalog.SharedKeyPattern;
import dev.relmap.pattern.CountFormula;
import dev.relmap.testsupport.JdbcBaseline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The floor of {@link SharedKeyPattern}'s reads: the SQL its strategies need, by hand, into plain
 * records. The profile's primary key is the user's id, so every read joins or tests on it:
 * users left-joined to profiles, profiles joined to users, users with no profile of their id.
 */
public final class SharedKeyJdbcBaseline implements JdbcBaseline {

    record UserRow(long id, String name, String email, ProfileRow profile) {
    }

    record ProfileRow(long userId, String bio, String avatarUrl) {
    }

    record ProfileWithUser(ProfileRow profile, String userName, String userEmail) {
    }

    record CardRow(long id, String name, String email, String bio) {
    }

    @Override
    public String pattern() {
        return "one-to-one-shared-key";
    }

    @Override
    public List<JdbcRead> reads() {
        CountFormula users = CountFormula.of("N", n -> n);
        return List.of(
                new JdbcRead("users with their profiles", Set.of("lazy (N+1)", "entity join"), users,
                        (connection, n) -> countBios(usersWithProfiles(connection))),
                new JdbcRead("profiles with their users", Set.of("profiles JOIN FETCH user"),
                        CountFormula.of("N − ⌊N/4⌋", SampleData::withProfile),
                        (connection, n) -> (int) profilesWithUsers(connection).stream().map(ProfileWithUser::userName).count()),
                new JdbcRead("users without profile", Set.of("users without profile"),
                        CountFormula.of("⌊N/4⌋", SampleData::withoutProfile),
                        (connection, n) -> usersWithoutProfile(connection).size()),
                new JdbcRead("cards", Set.of("cards (record)"), users, (connection, n) -> cards(connection).size()));
    }

    static List<UserRow> usersWithProfiles(Connection connection) throws SQLException {
        List<UserRow> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select u.id, u.name, u.email, p.user_id, p.bio, p.avatar_url
                from app_user u
                left join user_profile p on p.user_id = u.id
                order by u.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long profileId = rows.getLong(4);
                ProfileRow profile = rows.wasNull() ? null : new ProfileRow(profileId, rows.getString(5), rows.getString(6));
                users.add(new UserRow(rows.getLong(1), rows.getString(2), rows.getString(3), profile));
            }
        }
        return users;
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
                select p.user_id, p.bio, p.avatar_url, u.name, u.email
                from user_profile p
                join app_user u on u.id = p.user_id
                order by p.user_id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                profiles.add(new ProfileWithUser(new ProfileRow(rows.getLong(1), rows.getString(2), rows.getString(3)),
                        rows.getString(4), rows.getString(5)));
            }
        }
        return profiles;
    }

    static List<UserRow> usersWithoutProfile(Connection connection) throws SQLException {
        List<UserRow> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select u.id, u.name, u.email
                from app_user u
                where not exists (select 1 from user_profile p where p.user_id = u.id)
                order by u.id""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                users.add(new UserRow(rows.getLong(1), rows.getString(2), rows.getString(3), null));
            }
        }
        return users;
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
