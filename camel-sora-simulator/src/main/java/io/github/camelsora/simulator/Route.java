package io.github.camelsora.simulator;

/** The simulated endpoints, used to aim injected errors at one of them. */
public enum Route {
    /** {@code POST /v1/videos} */
    CREATE,
    /** {@code GET /v1/videos/{id}} */
    RETRIEVE,
    /** {@code GET /v1/videos} */
    LIST,
    /** {@code DELETE /v1/videos/{id}} */
    DELETE,
    /** {@code GET /v1/videos/{id}/content} */
    CONTENT,
    /** {@code POST /v1/videos/{id}/remix} */
    REMIX,
    /** {@code POST /v1/videos/edits} */
    EDIT,
    /** {@code POST /v1/videos/extensions} */
    EXTEND,
    /** {@code POST /v1/videos/characters} */
    CREATE_CHARACTER,
    /** {@code GET /v1/videos/characters/{id}} */
    GET_CHARACTER,
    /** {@code GET /files/{token}}: a signed result link (the dialects that name their result by URL) */
    RESULT_FILE
}
