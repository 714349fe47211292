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
}
