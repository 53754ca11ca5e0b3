package dev.crmschema.compiler.emit.jooq;

import org.jooq.Comment;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableOptions;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/**
 * Superclass of the generated jOOQ table classes ({@link WorkspaceGeneratorStrategy}). It only adds
 * {@link #column}, which the tables' column constants call instead of jOOQ's {@code createField}: javac
 * resolves a {@code createField(...)} call among 28 generic overloads and infers the record type from
 * {@code this}, for every column, while {@code column} has one signature and one type variable. That makes
 * the table classes of a large workspace about a fifth cheaper to compile; the columns are the same.
 * Generated code compiles against this class, so it is part of the API the generated sources need.
 */
public abstract class WorkspaceTableImpl<R extends Record> extends TableImpl<R> {
    private static final long serialVersionUID = 1L;

    /** The constructor jooq-codegen's table classes call. */
    protected WorkspaceTableImpl(Name alias, Schema schema, Table<R> aliased, Field<?>[] parameters, Comment comment,
            TableOptions options, Condition where) {
        super(alias, schema, aliased, parameters, comment, options, where);
    }

    /** A column of this table: what {@code createField(DSL.name(name), type, this, comment)} returns. */
    protected final <T> TableField<R, T> column(String name, DataType<T> type, String comment) {
        return createField(DSL.name(name), type, this, comment);
    }
}
