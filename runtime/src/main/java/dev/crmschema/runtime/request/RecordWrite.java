package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.Column;
import java.util.Map;

/**
 * One record's values to write, parsed from a JSON body and checked against the model: column to Java
 * value (null clears a column). Only columns present in the input are set, so a partial update touches
 * nothing else.
 */
public record RecordWrite(Map<Column, Object> values) {}
