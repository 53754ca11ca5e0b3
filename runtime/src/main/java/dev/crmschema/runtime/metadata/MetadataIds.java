package dev.crmschema.runtime.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of a workspace's objects, fields, options and indexes. An id is derived from names (a version 5
 * UUID: the object's from the workspace id and its name, a field's from its object's id and its name, an
 * option's from its field's id and its value, an index's from its object's id and its fields' ids), so every server computes the same ids without storing
 * them. Only the exceptions are stored ({@code core.metadata_id}): a renamed object or field keeps its
 * old id, and a new one whose derived id is taken by a renamed one gets a random id.
 */
public final class MetadataIds {
    /** Key of a stored id: an object (field empty) or one of its fields, by current names. */
    public record Key(String object, String field) {
        public static Key object(String name) {
            return new Key(name, "");
        }
    }

    private static final UUID NAMESPACE = UUID.fromString("5d1e6a52-8c3b-4f0e-9a57-2f4c1b7d9e10");

    private final UUID workspaceId;
    private final Map<Key, UUID> stored;

    public MetadataIds(UUID workspaceId, Map<Key, UUID> stored) {
        this.workspaceId = workspaceId;
        this.stored = Map.copyOf(stored);
    }

    public UUID object(String name) {
        UUID id = stored.get(Key.object(name));
        return id != null ? id : derivedObject(name);
    }

    public UUID field(String object, String field) {
        UUID id = stored.get(new Key(object, field));
        return id != null ? id : derivedField(object, field);
    }

    public UUID option(UUID fieldId, String value) {
        return nameBased(fieldId + "/option/" + value);
    }

    /** An index's id, from its object's id and what it covers, told by field ids so that renames keep it. */
    public UUID index(UUID objectId, String coverage) {
        return nameBased(objectId + "/index/" + coverage);
    }

    /** The id of the {@code order}th field of an index. */
    public UUID indexField(UUID indexId, int order) {
        return nameBased(indexId + "/field/" + order);
    }

    /** The id a new object named {@code name} would get if nothing else had it. */
    public UUID derivedObject(String name) {
        return nameBased(workspaceId + "/object/" + name);
    }

    public UUID derivedField(String object, String field) {
        return nameBased(object(object) + "/field/" + field);
    }

    public Map<Key, UUID> stored() {
        return stored;
    }

    /** RFC 9562 version 5: SHA-1 over the namespace and the name. */
    static UUID nameBased(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer namespace = ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
