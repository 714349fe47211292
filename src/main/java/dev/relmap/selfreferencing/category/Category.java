package dev.relmap.selfreferencing.category;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Hibernate;
import org.hibernate.annotations.ColumnDefault;

/**
 * A node of a category tree: its {@code parent} is a category of the same table, its
 * {@code subcategories} the categories whose parent it is. Roots have no parent.
 *
 * <p>A name is unique among its siblings, and the roots are siblings of each other. A unique key on
 * {@code (parent_id, name)} cannot say the second half: every database treats two NULLs as
 * distinct, so it would store two roots called "Books". The key is on {@code (parent_key, name)}
 * instead, where {@code parent_key} is {@code parent_id} with 0 for a root, and two check
 * constraints make the database the authority: a row whose {@code parent_key} is not
 * {@code coalesce(parent_id, 0)} is refused, whoever writes it, and so is a category with id 0,
 * whose subcategories would otherwise be siblings of the roots. The options weighed are in the
 * package's documentation.
 */
// tag::category-mapping[]
@Entity
@Table(name = "category",
        uniqueConstraints = @UniqueConstraint(name = Category.UK_SIBLING_NAME, columnNames = {"parent_key", "name"}),
        check = {
                @CheckConstraint(name = Category.CK_PARENT_KEY, constraint = "parent_key = coalesce(parent_id, 0)"),
                @CheckConstraint(name = Category.CK_ID_POSITIVE, constraint = "id > 0")},
        indexes = @Index(name = "ix_category_parent_id", columnList = "parent_id"))
public class Category {

    public static final String UK_SIBLING_NAME = "uk_category_parent_name";
    public static final String CK_PARENT_KEY = "ck_category_parent_key";
    public static final String CK_ID_POSITIVE = "ck_category_id_positive";
    public static final String FK_PARENT = "fk_category_parent";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", length = 500)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", foreignKey = @ForeignKey(name = FK_PARENT))
    private Category parent;

    // A Set, not a List: fetching two levels in one query joins this collection twice, and two
    // bags (unordered Lists) in one query are refused with MultipleBagFetchException.
    @OneToMany(mappedBy = "parent")
    @OrderBy("name")
    private Set<Category> subcategories = new LinkedHashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /**
     * Makes {@code child} a subcategory of this one, taking it from its previous parent. Both sides
     * stay in sync where they are loaded; a collection that is not loaded is not loaded for this
     * (it will be read with the change once flushed). Moves that must refuse cycles go through
     * {@link CategoryRepository#move}.
     */
    public void addSubcategory(Category child) {
        Category previous = child.getParent();
        if (previous != null && Hibernate.isInitialized(previous)) {
            previous.forget(child);
        }
        if (Hibernate.isInitialized(subcategories)) {
            subcategories.add(child);
        }
        child.setParent(this);
    }

    /** Makes {@code child}, a subcategory of this one, a root. */
    public void removeSubcategory(Category child) {
        if (!equals(child.getParent())) {
            throw new IllegalArgumentException(child + " is not a subcategory of " + this);
        }
        forget(child);
        child.setParent(null);
    }

    // Package-private, not private: called on a parent that may be a proxy, and a proxy runs only
    // its non-private methods on the loaded entity. A field read through a proxy sees null.
    void forget(Category child) {
        if (Hibernate.isInitialized(subcategories)) {
            subcategories.remove(child);
        }
    }

    void setParent(Category parent) {
        this.parent = parent;
    }
    // end::category-mapping[]

    // tag::parent-key[]
    /**
     * The column {@code parent_key}: the parent's id, 0 for a root. Hibernate reads it through this
     * getter when the category is persisted and at every flush, so a change of parent makes it dirty
     * and one UPDATE writes both columns. A parent proxy's {@code getId()} returns the id without
     * loading the parent. A parent not yet persisted has no id: Hibernate then inserts the row with
     * a null {@code parent_id} and 0 here, and sets both by an UPDATE in the same flush.
     */
    @Access(AccessType.PROPERTY)
    @Column(name = "parent_key", nullable = false)
    @ColumnDefault("0") // a root inserted by plain SQL, without the column, is consistent too
    long getParentKey() {
        return parent == null || parent.getId() == null ? 0 : parent.getId();
    }

    // The value read from the row is dropped: the getter derives it from parent again.
    @SuppressWarnings("unused")
    private void setParentKey(long parentKey) {
    }
    // end::parent-key[]

    protected Category() {
    }

    public Category(String name) {
        this(name, null);
    }

    public Category(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    /** The parent, or null for a root; a LAZY proxy until read unless it was loaded already. */
    public Category getParent() {
        return parent;
    }

    /** Unmodifiable; change the tree with {@link #addSubcategory} and {@link #removeSubcategory}. */
    public Set<Category> getSubcategories() {
        return Collections.unmodifiableSet(subcategories);
    }

    /** Incremented by every change of this row, and by a move that locks it (see the repository). */
    public long getVersion() {
        return version;
    }

    /** Id equality with a constant hash code: a name is unique only among siblings, not a natural id. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Category that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Category.class.hashCode();
    }

    @Override
    public String toString() {
        return "Category(" + id + ", " + name + ")";
    }
}
