package dev.relmap.sqlcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The SQL classifier")
class SqlClassifierTest {

    @Nested
    @DisplayName("tells what a statement does")
    class Kinds {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                select a1_0.id from author a1_0                                  | SELECT
                  SELECT 1                                                       | SELECT
                (select id from a) union (select id from b)                      | SELECT
                insert into book (title,id) values (?,?)                         | INSERT
                update book set title=? where id=?                               | UPDATE
                delete from book where id=?                                      | DELETE
                create table x (id bigint)                                       | OTHER
                merge into book b using (values (?)) v(id) on b.id = v.id when matched then delete | OTHER
                call my_procedure(?)                                             | OTHER
                """)
        void plainStatements(String sql, StatementKind kind) {
            assertThat(SqlClassifier.classify(sql)).isEqualTo(kind);
        }

        @Test
        void skipsBlockAndLineComments() {
            assertThat(SqlClassifier.classify("/* load Author */ select * from author")).isEqualTo(StatementKind.SELECT);
            assertThat(SqlClassifier.classify("-- a comment\n/* two */ delete from book")).isEqualTo(StatementKind.DELETE);
        }

        @Test
        @DisplayName("decides a WITH statement by the statement after its CTEs")
        void commonTableExpressions() {
            assertThat(SqlClassifier.classify("""
                    with recursive tree(id) as (select id from category where id = ? union all
                      select c.id from category c join tree t on c.parent_id = t.id)
                    select * from category where id in (select id from tree)""")).isEqualTo(StatementKind.SELECT);
            assertThat(SqlClassifier.classify(
                    "with old as (select id from book where pages < 10) delete from book where id in (select id from old)"))
                    .isEqualTo(StatementKind.DELETE);
            assertThat(SqlClassifier.classify(
                    "WITH x AS (SELECT 'update' AS s) UPDATE book SET title = (select s from x)"))
                    .isEqualTo(StatementKind.UPDATE);
        }

        @Test
        @DisplayName("classifies H2's select from final table (insert …) as an INSERT")
        void h2DeltaTables() {
            assertThat(SqlClassifier.classify("select id from final table (insert into book (title) values (?))"))
                    .isEqualTo(StatementKind.INSERT);
            assertThat(SqlClassifier.classify("select * from old table (delete from book where id = ?)"))
                    .isEqualTo(StatementKind.DELETE);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("keeps sequence calls apart from reads of data")
        @CsvSource(delimiter = '|', textBlock = """
                select next value for book_seq
                select nextval('book_seq')
                select nextval(book_seq)
                values next value for book_seq
                call next value for book_seq
                """)
        void sequenceCalls(String sql) {
            assertThat(SqlClassifier.classify(sql)).isEqualTo(StatementKind.SEQUENCE);
        }
    }

    @Nested
    @DisplayName("reduces a statement to its shape")
    class Shapes {

        @Test
        void replacesLiteralsButNotAliases() {
            assertThat(SqlClassifier.shape("SELECT a1_0.id FROM author a1_0 WHERE a1_0.name = 'x''y' AND a1_0.age > 42"))
                    .isEqualTo("select a1_0.id from author a1_0 where a1_0.name = ? and a1_0.age > ?");
        }

        @Test
        @DisplayName("folds an in-list of any length, so padded batch fetches share one shape")
        void foldsInLists() {
            String ten = SqlClassifier.shape("select * from book b where b.author_id in (?,?,?,?,?,?,?,?,?,?)");
            String four = SqlClassifier.shape("select * from book b where b.author_id in ( ?, ?, ?, ? )");

            assertThat(ten).isEqualTo(four).endsWith("in (?…)");
            assertThat(SqlClassifier.analyse("select * from book b where b.author_id in (?,?,?,?)").hasKeys()).isTrue();
        }

        @Test
        void recognisesArrayParametersAsMultiKey() {
            assertThat(SqlClassifier.analyse("select * from book where author_id = any (?)").hasKeys()).isTrue();
            assertThat(SqlClassifier.analyse("select * from book where array_contains(?, author_id)").hasKeys()).isTrue();
            assertThat(SqlClassifier.analyse("select * from book where author_id = ?").hasKeys()).isFalse();
            assertThat(SqlClassifier.analyse("select * from book where author_id in (?)").hasKeys()).isFalse();
        }
    }

    @Nested
    @DisplayName("reads SQL token by token")
    class Tokens {

        @Test
        @DisplayName("takes '--' inside a literal for text, not for a comment")
        void doubleDashInALiteral() {
            assertThat(SqlClassifier.shape("select id from t where name <> '--' and id = ?"))
                    .isEqualTo("select id from t where name <> ? and id = ?")
                    .isNotEqualTo(SqlClassifier.shape("select id from t where name <> '--' and name = ?"));
        }

        @Test
        @DisplayName("classifies a data-modifying CTE by what it modifies")
        void dataModifyingCte() {
            assertThat(SqlClassifier.classify("with gone as (delete from book where id = ? returning *) select * from gone"))
                    .isEqualTo(StatementKind.DELETE);
            assertThat(SqlClassifier.classify(
                    "with added as materialized (insert into book (id) values (1) returning id) select id from added"))
                    .isEqualTo(StatementKind.INSERT);
        }

        @Test
        @DisplayName("splits several statements at the semicolons outside literals, each with its own parameters")
        void severalStatements() {
            assertThat(SqlClassifier.pieces("insert into t (a, b) values (?, 'x;y'); update t set a = ? where b = ?;"))
                    .containsExactly(
                            new SqlClassifier.Piece("insert into t (a, b) values (?, 'x;y')", 0, 1),
                            new SqlClassifier.Piece("update t set a = ? where b = ?", 1, 2));
            assertThat(SqlClassifier.pieces("select 1")).singleElement()
                    .isEqualTo(new SqlClassifier.Piece("select 1", 0, 0));
        }

        @Test
        @DisplayName("sees keys only in a list of bind parameters, not in literals nor in 'not in'")
        void keyLists() {
            assertThat(SqlClassifier.analyse("select * from pet where owner_id = ? and dtype in ('Cat','Dog')").hasKeys())
                    .isFalse();
            assertThat(SqlClassifier.analyse("select * from t where id = ? and n not in (?, ?)").hasKeys()).isFalse();
            assertThat(SqlClassifier.analyse("select * from t where id in (?, ?) and dtype in ('Cat','Dog')").hasKeys())
                    .isTrue();
        }

        @Test
        @DisplayName("marks the page bounds of every dialect")
        void pageBounds() {
            assertThat(roles("select * from t where a = ? offset ? rows fetch first ? rows only"))
                    .containsExactly(SqlClassifier.Role.PLAIN, SqlClassifier.Role.PAGING, SqlClassifier.Role.PAGING);
            assertThat(roles("select * from t where a = ? limit ?, ?"))
                    .containsExactly(SqlClassifier.Role.PLAIN, SqlClassifier.Role.PAGING, SqlClassifier.Role.PAGING);
            assertThat(roles("select * from t where a = 'x' limit 10 offset ?"))
                    .containsExactly(SqlClassifier.Role.PLAIN, SqlClassifier.Role.PAGING, SqlClassifier.Role.PAGING);
        }

        private static java.util.List<SqlClassifier.Role> roles(String sql) {
            return SqlClassifier.analyse(sql).slots().stream().map(SqlClassifier.Slot::role).toList();
        }
    }
}
