-- Questionnaires declared in config/questionnaires (PEG each week, and whatever an operator adds):
-- one row per questionnaire asked, completed once every item is answered. Health data: stored only
-- with consent, exported and erased with the rest (QuestionnairePersonalData).
CREATE TABLE questionnaire_result (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id      BIGINT        NOT NULL,
    questionnaire         VARCHAR(16)   NOT NULL,
    questionnaire_version INT           NOT NULL,
    -- onboarding, weekly, every-n-weeks: the occasion it was asked on
    occasion              VARCHAR(16)   NOT NULL,
    -- the person's local date of the weekly round it belongs to
    round_date            DATE          NOT NULL,
    asked_at              DATETIME(6)   NOT NULL,
    completed_at          DATETIME(6)   NULL,
    -- JSON: {item id: chosen value}
    answers               VARCHAR(2000) NULL,
    score                 DOUBLE        NULL,
    -- JSON: {subscale: score}
    subscales             VARCHAR(1000) NULL,
    band                  VARCHAR(16)   NULL,
    effect                VARCHAR(24)   NULL,
    INDEX ix_questionnaire_result_user (telegram_user_id, questionnaire, round_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
