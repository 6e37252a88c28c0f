package io.casework.status.domain;

/** How much of the status a reader may see: anyone, any signed-in user, or staff who publish (drafts too). */
public enum Audience {
    ANYONE,
    SIGNED_IN,
    PUBLISHERS;

    public boolean sees(Visibility visibility) {
        return visibility == Visibility.PUBLIC || this != ANYONE;
    }

    public boolean seesDrafts() {
        return this == PUBLISHERS;
    }
}
