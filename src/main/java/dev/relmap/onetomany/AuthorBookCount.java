package dev.relmap.onetomany;

/** An author and how many books they have, zero included; read by a projection, not by entities. */
public record AuthorBookCount(long authorId, String name, long books) {
}
