-- Version 3: rate limits, counted here so that every replica sees the same
-- count. The key is an HMAC of what is limited (a client address), never the
-- address itself; windows that have ended are deleted as new hits come in.

CREATE TABLE rate_limits (
    key          BYTEA   NOT NULL,
    window_start BIGINT  NOT NULL,
    window_end   BIGINT  NOT NULL,
    hits         INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE INDEX rate_limits_end ON rate_limits (window_end);
