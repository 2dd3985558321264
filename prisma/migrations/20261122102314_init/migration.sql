-- CreateEnum
CREATE TYPE "org_unit_kind" AS ENUM ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "education" AS ENUM ('POSTGRADUATE', 'BACHELOR', 'JUNIOR_COLLEGE', 'SENIOR_SECONDARY', 'JUNIOR_SECONDARY_OR_BELOW');

-- CreateEnum
CREATE TYPE "member_stage" AS ENUM ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL');

-- CreateEnum
CREATE TYPE "member_status" AS ENUM ('ACTIVE', 'TRANSFERRED_OUT', 'REVOKED', 'WITHDRAWN', 'EXPELLED', 'DECEASED');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'LEADER', 'SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "development_step_kind" AS ENUM ('APPLICATION', 'TALK', 'NOMINATION', 'ACTIVIST_FILING', 'MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE_DECISION', 'CANDIDATE_FILING', 'SPONSORS_ASSIGNED', 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING', 'COMMITTEE_REVIEW', 'HIGHER_PRE_REVIEW', 'APPLICATION_FORM', 'ADMISSION_MEETING', 'COMMITTEE_TALK', 'ADMISSION_APPROVAL', 'DEPARTMENT_FILING', 'PLACEMENT', 'OATH', 'PROBATION_ASSESSMENT', 'FULL_MEMBERSHIP_APPLICATION', 'CONFIRMATION_MEETING', 'CONFIRMATION_APPROVAL', 'FILES_ARCHIVED', 'PROBATION_EXTENDED', 'MEMBERSHIP_REVOKED');

-- CreateEnum
CREATE TYPE "approval_status" AS ENUM ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "mentor_role" AS ENUM ('MENTOR', 'SPONSOR');

-- CreateEnum
CREATE TYPE "meeting_kind" AS ENUM ('BRANCH_GENERAL', 'BRANCH_COMMITTEE', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY');

-- CreateEnum
CREATE TYPE "meeting_status" AS ENUM ('DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "registration_status" AS ENUM ('REGISTERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "attendance_status" AS ENUM ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT');

-- CreateEnum
CREATE TYPE "check_in_method" AS ENUM ('CODE', 'QR', 'MANUAL');

-- CreateEnum
CREATE TYPE "course_status" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "resource_kind" AS ENUM ('ARTICLE', 'DOCUMENT', 'VIDEO', 'AUDIO', 'LINK');

-- CreateEnum
CREATE TYPE "question_kind" AS ENUM ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE');

-- CreateEnum
CREATE TYPE "quiz_status" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "attempt_status" AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "appraisal_status" AS ENUM ('DRAFT', 'SELF_ASSESSMENT', 'PEER_ASSESSMENT', 'RATING', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "appraisal_rating" AS ENUM ('EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "feedback_category" AS ENUM ('SUGGESTION', 'OPINION', 'REQUEST', 'COMPLAINT', 'OTHER');

-- CreateEnum
CREATE TYPE "feedback_status" AS ENUM ('SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "vote_kind" AS ENUM ('MOTION', 'ELECTION', 'ADMISSION', 'CONFIRMATION');

-- CreateEnum
CREATE TYPE "vote_status" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'TALLIED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "quorum_rule" AS ENUM ('NONE', 'MORE_THAN_HALF', 'TWO_THIRDS');

-- CreateEnum
CREATE TYPE "majority_rule" AS ENUM ('MORE_THAN_HALF_OF_ENTITLED', 'MORE_THAN_HALF_OF_CAST', 'TWO_THIRDS_OF_ENTITLED', 'PLURALITY');

-- CreateEnum
CREATE TYPE "decision_status" AS ENUM ('ADOPTED', 'IMPLEMENTING', 'IMPLEMENTED', 'SUPERSEDED', 'REVOKED');

-- CreateEnum
CREATE TYPE "milestone_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "transfer_status" AS ENUM ('ISSUED', 'RECEIVED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "batch_status" AS ENUM ('OPEN', 'BUILT', 'SUBMITTED', 'ANCHORED', 'FAILED');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "no" SERIAL NOT NULL,
    "parent_id" UUID,
    "path" TEXT NOT NULL DEFAULT '',
    "level" INTEGER NOT NULL DEFAULT 0,
    "kind" "org_unit_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "city" TEXT,
    "established_on" DATE,
    "dissolved_on" DATE,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "gender" NOT NULL,
    "birth_date" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL,
    "education" "education" NOT NULL,
    "occupation" TEXT,
    "native_place" TEXT,
    "stage" "member_stage" NOT NULL,
    "status" "member_status" NOT NULL DEFAULT 'ACTIVE',
    "applied_on" DATE,
    "activist_since" DATE,
    "candidate_since" DATE,
    "probationary_since" DATE,
    "probation_ends_on" DATE,
    "probation_extended" BOOLEAN NOT NULL DEFAULT false,
    "full_member_since" DATE,
    "status_changed_on" DATE,
    "national_id_hash" BYTEA,
    "phone" TEXT,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "scope_unit_id" UUID NOT NULL,
    "member_id" UUID,
    "totp_secret" TEXT,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "second_factor_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" BYTEA NOT NULL,
    "scopes" TEXT[],
    "unit_id" UUID NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "development_step" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "step_no" INTEGER NOT NULL,
    "stage" "member_stage" NOT NULL,
    "kind" "development_step_kind" NOT NULL,
    "occurred_on" DATE NOT NULL,
    "not_before" DATE,
    "due_on" DATE,
    "approval" "approval_status" NOT NULL DEFAULT 'NOT_REQUIRED',
    "approving_unit_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3),
    "actor_id" UUID,
    "meeting_id" UUID,
    "vote_id" UUID,
    "notes" TEXT,
    "details" JSONB,
    "documents" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "development_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentor_assignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "mentor_id" UUID NOT NULL,
    "role" "mentor_role" NOT NULL,
    "assigned_on" DATE NOT NULL,
    "ended_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentor_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "kind" "meeting_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "agenda" TEXT,
    "location" TEXT,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_minutes" INTEGER NOT NULL DEFAULT 90,
    "status" "meeting_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "check_in_code" TEXT,
    "check_in_expires_at" TIMESTAMPTZ(3),
    "minutes" TEXT,
    "minutes_recorded_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_registration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "status" "registration_status" NOT NULL DEFAULT 'REGISTERED',
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "status" "attendance_status" NOT NULL,
    "method" "check_in_method",
    "checked_in_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT,
    "class_hours" INTEGER NOT NULL DEFAULT 1,
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "status" "course_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_resource" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "kind" "resource_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "uri" TEXT NOT NULL,
    "content_hash" BYTEA,
    "duration_minutes" INTEGER,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "course_completion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "course_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,
    "class_hours" INTEGER NOT NULL,
    "score" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "course_completion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_question" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "course_id" UUID,
    "kind" "question_kind" NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "correct" JSONB NOT NULL,
    "explanation" TEXT,
    "points" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "course_id" UUID,
    "title" TEXT NOT NULL,
    "question_count" INTEGER NOT NULL,
    "time_limit_seconds" INTEGER NOT NULL,
    "pass_score" INTEGER NOT NULL,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "status" "quiz_status" NOT NULL DEFAULT 'DRAFT',
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "quiz_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "attempt_no" INTEGER NOT NULL,
    "status" "attempt_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "question_ids" UUID[],
    "answers" JSONB,
    "score" INTEGER,
    "max_score" INTEGER NOT NULL,
    "passed" BOOLEAN,
    "time_limit_seconds" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appraisal_campaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "appraisal_status" NOT NULL DEFAULT 'DRAFT',
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appraisal_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "self_assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "rating" "appraisal_rating" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "self_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_assessment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "assessor_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "rating" "appraisal_rating" NOT NULL,
    "comment" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "peer_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appraisal_result" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "rating" "appraisal_rating" NOT NULL,
    "peer_summary" JSONB,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" UUID,
    "notified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appraisal_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "category" "feedback_category" NOT NULL,
    "topic" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "feedback_status" NOT NULL DEFAULT 'SUBMITTED',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "response" TEXT,
    "responded_by_id" UUID,
    "responded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_rule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "points" INTEGER NOT NULL,
    "daily_cap" INTEGER,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_entry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "rule_id" UUID,
    "points" INTEGER NOT NULL,
    "occurred_on" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "source_type" TEXT,
    "source_id" UUID,
    "corrects_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "meeting_id" UUID,
    "kind" "vote_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "subject_member_id" UUID,
    "status" "vote_status" NOT NULL DEFAULT 'DRAFT',
    "secret" BOOLEAN NOT NULL DEFAULT true,
    "quorum_rule" "quorum_rule" NOT NULL DEFAULT 'MORE_THAN_HALF',
    "majority_rule" "majority_rule" NOT NULL DEFAULT 'MORE_THAN_HALF_OF_ENTITLED',
    "seats" INTEGER NOT NULL DEFAULT 1,
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "eligible_count" INTEGER,
    "eligible_roll_hash" BYTEA,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_option" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "candidate_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_option_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_eligible_voter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_eligible_voter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voter_roll_entry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "voted_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voter_roll_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "receipt_hash" BYTEA NOT NULL,
    "choices" UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_tally" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "eligible_count" INTEGER NOT NULL,
    "ballots_cast" INTEGER NOT NULL,
    "quorum_met" BOOLEAN NOT NULL,
    "passed" BOOLEAN,
    "results" JSONB NOT NULL,
    "ballots_root" BYTEA,
    "tallied_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vote_tally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "vote_id" UUID,
    "meeting_id" UUID,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "decided_on" DATE NOT NULL,
    "yes_count" INTEGER,
    "no_count" INTEGER,
    "abstain_count" INTEGER,
    "status" "decision_status" NOT NULL DEFAULT 'ADOPTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "completed_on" DATE,
    "status" "milestone_status" NOT NULL DEFAULT 'PLANNED',
    "owner_id" UUID,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership_transfer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "to_unit_id" UUID,
    "to_organisation" TEXT,
    "from_province" TEXT NOT NULL,
    "to_province" TEXT NOT NULL,
    "cross_province" BOOLEAN NOT NULL,
    "letter_no" TEXT NOT NULL,
    "issued_on" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "status" "transfer_status" NOT NULL DEFAULT 'ISSUED',
    "received_on" DATE,
    "receipt_no" TEXT,
    "received_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_snapshot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL DEFAULT 1,
    "org_unit_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "figures" JSONB NOT NULL,
    "input_root" BYTEA NOT NULL,
    "input_count" INTEGER NOT NULL,
    "as_of_position" BIGINT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "published_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_snapshot_input" (
    "snapshot_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "entity_version" INTEGER NOT NULL,
    "leaf" BYTEA NOT NULL,

    CONSTRAINT "analytics_snapshot_input_pkey" PRIMARY KEY ("snapshot_id","ordinal")
);

-- CreateTable
CREATE TABLE "outbox_record" (
    "id" BIGSERIAL NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "document" TEXT NOT NULL,
    "leaf" BYTEA NOT NULL,
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "position" BIGINT,
    "batch_seq" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch" (
    "seq" INTEGER NOT NULL,
    "first_position" BIGINT NOT NULL,
    "last_position" BIGINT NOT NULL,
    "size" INTEGER NOT NULL,
    "root" BYTEA NOT NULL,
    "prev_root" BYTEA NOT NULL,
    "status" "batch_status" NOT NULL DEFAULT 'BUILT',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "chain_height" BIGINT,
    "tx_hash" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "anchored_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "batch_level" (
    "batch_seq" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "hashes" BYTEA NOT NULL,

    CONSTRAINT "batch_level_pkey" PRIMARY KEY ("batch_seq","level")
);

-- CreateTable
CREATE TABLE "tamper_alert" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" UUID,
    "batch_seq" INTEGER,
    "detail" JSONB NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "tamper_alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_no_key" ON "org_unit"("no");

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_path_key" ON "org_unit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");

-- CreateIndex
CREATE INDEX "org_unit_path_prefix_idx" ON "org_unit"("path" text_pattern_ops);

-- CreateIndex
CREATE INDEX "org_unit_kind_idx" ON "org_unit"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "member_national_id_hash_key" ON "member"("national_id_hash");

-- CreateIndex
CREATE INDEX "member_org_unit_id_stage_status_idx" ON "member"("org_unit_id", "stage", "status");

-- CreateIndex
CREATE INDEX "member_stage_status_idx" ON "member"("stage", "status");

-- CreateIndex
CREATE INDEX "member_name_idx" ON "member"("name");

-- CreateIndex
CREATE UNIQUE INDEX "account_username_key" ON "account"("username");

-- CreateIndex
CREATE UNIQUE INDEX "account_member_id_key" ON "account"("member_id");

-- CreateIndex
CREATE INDEX "account_scope_unit_id_idx" ON "account"("scope_unit_id");

-- CreateIndex
CREATE INDEX "account_role_idx" ON "account"("role");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_account_id_idx" ON "session"("account_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "api_key"("key_hash");

-- CreateIndex
CREATE INDEX "api_key_unit_id_idx" ON "api_key"("unit_id");

-- CreateIndex
CREATE INDEX "api_key_created_by_id_idx" ON "api_key"("created_by_id");

-- CreateIndex
CREATE INDEX "development_step_member_id_step_no_idx" ON "development_step"("member_id", "step_no");

-- CreateIndex
CREATE INDEX "development_step_org_unit_id_kind_occurred_on_idx" ON "development_step"("org_unit_id", "kind", "occurred_on");

-- CreateIndex
CREATE INDEX "development_step_approving_unit_id_idx" ON "development_step"("approving_unit_id");

-- CreateIndex
CREATE INDEX "development_step_approved_by_id_idx" ON "development_step"("approved_by_id");

-- CreateIndex
CREATE INDEX "development_step_actor_id_idx" ON "development_step"("actor_id");

-- CreateIndex
CREATE INDEX "development_step_meeting_id_idx" ON "development_step"("meeting_id");

-- CreateIndex
CREATE INDEX "development_step_vote_id_idx" ON "development_step"("vote_id");

-- CreateIndex
CREATE INDEX "development_step_pending_idx" ON "development_step"("approval", "due_on") WHERE (approval = 'PENDING'::approval_status);

-- CreateIndex
CREATE UNIQUE INDEX "development_step_member_id_seq_key" ON "development_step"("member_id", "seq");

-- CreateIndex
CREATE INDEX "mentor_assignment_mentor_id_idx" ON "mentor_assignment"("mentor_id");

-- CreateIndex
CREATE INDEX "mentor_assignment_org_unit_id_idx" ON "mentor_assignment"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "mentor_assignment_member_id_mentor_id_role_key" ON "mentor_assignment"("member_id", "mentor_id", "role");

-- CreateIndex
CREATE INDEX "meeting_org_unit_id_scheduled_at_idx" ON "meeting"("org_unit_id", "scheduled_at");

-- CreateIndex
CREATE INDEX "meeting_kind_scheduled_at_idx" ON "meeting"("kind", "scheduled_at");

-- CreateIndex
CREATE INDEX "meeting_status_idx" ON "meeting"("status");

-- CreateIndex
CREATE INDEX "meeting_created_by_id_idx" ON "meeting"("created_by_id");

-- CreateIndex
CREATE INDEX "meeting_registration_member_id_idx" ON "meeting_registration"("member_id");

-- CreateIndex
CREATE INDEX "meeting_registration_org_unit_id_idx" ON "meeting_registration"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_registration_meeting_id_member_id_key" ON "meeting_registration"("meeting_id", "member_id");

-- CreateIndex
CREATE INDEX "attendance_member_id_idx" ON "attendance"("member_id");

-- CreateIndex
CREATE INDEX "attendance_org_unit_id_idx" ON "attendance"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_meeting_id_member_id_key" ON "attendance"("meeting_id", "member_id");

-- CreateIndex
CREATE INDEX "meeting_feedback_member_id_idx" ON "meeting_feedback"("member_id");

-- CreateIndex
CREATE INDEX "meeting_feedback_org_unit_id_idx" ON "meeting_feedback"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_feedback_meeting_id_member_id_key" ON "meeting_feedback"("meeting_id", "member_id");

-- CreateIndex
CREATE INDEX "course_org_unit_id_status_idx" ON "course"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "course_created_by_id_idx" ON "course"("created_by_id");

-- CreateIndex
CREATE INDEX "course_resource_org_unit_id_idx" ON "course_resource"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "course_resource_course_id_position_key" ON "course_resource"("course_id", "position");

-- CreateIndex
CREATE INDEX "course_completion_member_id_idx" ON "course_completion"("member_id");

-- CreateIndex
CREATE INDEX "course_completion_org_unit_id_idx" ON "course_completion"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "course_completion_course_id_member_id_key" ON "course_completion"("course_id", "member_id");

-- CreateIndex
CREATE INDEX "quiz_question_course_id_idx" ON "quiz_question"("course_id");

-- CreateIndex
CREATE INDEX "quiz_question_org_unit_id_idx" ON "quiz_question"("org_unit_id");

-- CreateIndex
CREATE INDEX "quiz_course_id_idx" ON "quiz"("course_id");

-- CreateIndex
CREATE INDEX "quiz_org_unit_id_status_idx" ON "quiz"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "quiz_attempt_member_id_idx" ON "quiz_attempt"("member_id");

-- CreateIndex
CREATE INDEX "quiz_attempt_org_unit_id_idx" ON "quiz_attempt"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_attempt_quiz_id_member_id_attempt_no_key" ON "quiz_attempt"("quiz_id", "member_id", "attempt_no");

-- CreateIndex
CREATE UNIQUE INDEX "appraisal_campaign_org_unit_id_year_key" ON "appraisal_campaign"("org_unit_id", "year");

-- CreateIndex
CREATE INDEX "self_assessment_member_id_idx" ON "self_assessment"("member_id");

-- CreateIndex
CREATE INDEX "self_assessment_org_unit_id_idx" ON "self_assessment"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "self_assessment_campaign_id_member_id_key" ON "self_assessment"("campaign_id", "member_id");

-- CreateIndex
CREATE INDEX "peer_assessment_subject_id_idx" ON "peer_assessment"("subject_id");

-- CreateIndex
CREATE INDEX "peer_assessment_assessor_id_idx" ON "peer_assessment"("assessor_id");

-- CreateIndex
CREATE INDEX "peer_assessment_org_unit_id_idx" ON "peer_assessment"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "peer_assessment_campaign_id_assessor_id_subject_id_key" ON "peer_assessment"("campaign_id", "assessor_id", "subject_id");

-- CreateIndex
CREATE INDEX "appraisal_result_campaign_id_rating_idx" ON "appraisal_result"("campaign_id", "rating");

-- CreateIndex
CREATE INDEX "appraisal_result_member_id_idx" ON "appraisal_result"("member_id");

-- CreateIndex
CREATE INDEX "appraisal_result_org_unit_id_idx" ON "appraisal_result"("org_unit_id");

-- CreateIndex
CREATE INDEX "appraisal_result_decided_by_id_idx" ON "appraisal_result"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "appraisal_result_campaign_id_member_id_key" ON "appraisal_result"("campaign_id", "member_id");

-- CreateIndex
CREATE INDEX "member_feedback_org_unit_id_status_idx" ON "member_feedback"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "member_feedback_member_id_idx" ON "member_feedback"("member_id");

-- CreateIndex
CREATE INDEX "member_feedback_responded_by_id_idx" ON "member_feedback"("responded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "points_rule_org_unit_id_code_revision_key" ON "points_rule"("org_unit_id", "code", "revision");

-- CreateIndex
CREATE INDEX "points_entry_member_id_occurred_on_idx" ON "points_entry"("member_id", "occurred_on");

-- CreateIndex
CREATE INDEX "points_entry_rule_id_idx" ON "points_entry"("rule_id");

-- CreateIndex
CREATE INDEX "points_entry_corrects_id_idx" ON "points_entry"("corrects_id");

-- CreateIndex
CREATE INDEX "points_entry_created_by_id_idx" ON "points_entry"("created_by_id");

-- CreateIndex
CREATE INDEX "points_entry_org_unit_id_idx" ON "points_entry"("org_unit_id");

-- CreateIndex
CREATE INDEX "points_entry_source_type_source_id_idx" ON "points_entry"("source_type", "source_id");

-- CreateIndex
CREATE INDEX "vote_org_unit_id_status_idx" ON "vote"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "vote_meeting_id_idx" ON "vote"("meeting_id");

-- CreateIndex
CREATE INDEX "vote_subject_member_id_idx" ON "vote"("subject_member_id");

-- CreateIndex
CREATE INDEX "vote_created_by_id_idx" ON "vote"("created_by_id");

-- CreateIndex
CREATE INDEX "vote_option_candidate_id_idx" ON "vote_option"("candidate_id");

-- CreateIndex
CREATE INDEX "vote_option_org_unit_id_idx" ON "vote_option"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_option_vote_id_position_key" ON "vote_option"("vote_id", "position");

-- CreateIndex
CREATE INDEX "vote_eligible_voter_member_id_idx" ON "vote_eligible_voter"("member_id");

-- CreateIndex
CREATE INDEX "vote_eligible_voter_org_unit_id_idx" ON "vote_eligible_voter"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_eligible_voter_vote_id_member_id_key" ON "vote_eligible_voter"("vote_id", "member_id");

-- CreateIndex
CREATE INDEX "voter_roll_entry_member_id_idx" ON "voter_roll_entry"("member_id");

-- CreateIndex
CREATE INDEX "voter_roll_entry_org_unit_id_idx" ON "voter_roll_entry"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "voter_roll_entry_vote_id_member_id_key" ON "voter_roll_entry"("vote_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_receipt_hash_key" ON "ballot"("receipt_hash");

-- CreateIndex
CREATE INDEX "ballot_vote_id_idx" ON "ballot"("vote_id");

-- CreateIndex
CREATE INDEX "ballot_org_unit_id_idx" ON "ballot"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "vote_tally_vote_id_key" ON "vote_tally"("vote_id");

-- CreateIndex
CREATE INDEX "vote_tally_org_unit_id_idx" ON "vote_tally"("org_unit_id");

-- CreateIndex
CREATE INDEX "decision_org_unit_id_decided_on_idx" ON "decision"("org_unit_id", "decided_on");

-- CreateIndex
CREATE INDEX "decision_vote_id_idx" ON "decision"("vote_id");

-- CreateIndex
CREATE INDEX "decision_meeting_id_idx" ON "decision"("meeting_id");

-- CreateIndex
CREATE INDEX "milestone_decision_id_idx" ON "milestone"("decision_id");

-- CreateIndex
CREATE INDEX "milestone_owner_id_idx" ON "milestone"("owner_id");

-- CreateIndex
CREATE INDEX "milestone_org_unit_id_status_due_on_idx" ON "milestone"("org_unit_id", "status", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "membership_transfer_letter_no_key" ON "membership_transfer"("letter_no");

-- CreateIndex
CREATE INDEX "membership_transfer_member_id_idx" ON "membership_transfer"("member_id");

-- CreateIndex
CREATE INDEX "membership_transfer_to_unit_id_idx" ON "membership_transfer"("to_unit_id");

-- CreateIndex
CREATE INDEX "membership_transfer_received_by_id_idx" ON "membership_transfer"("received_by_id");

-- CreateIndex
CREATE INDEX "membership_transfer_org_unit_id_status_idx" ON "membership_transfer"("org_unit_id", "status");

-- CreateIndex
CREATE INDEX "analytics_snapshot_org_unit_id_metric_published_at_idx" ON "analytics_snapshot"("org_unit_id", "metric", "published_at");

-- CreateIndex
CREATE INDEX "analytics_snapshot_published_by_id_idx" ON "analytics_snapshot"("published_by_id");

-- CreateIndex
CREATE INDEX "analytics_snapshot_input_entity_type_entity_id_idx" ON "analytics_snapshot_input"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_record_position_key" ON "outbox_record"("position");

-- CreateIndex
CREATE INDEX "outbox_record_unassigned_idx" ON "outbox_record"("xid", "id") WHERE ("position" IS NULL);

-- CreateIndex
CREATE INDEX "outbox_record_batch_seq_idx" ON "outbox_record"("batch_seq");

-- CreateIndex
CREATE INDEX "outbox_record_org_unit_id_idx" ON "outbox_record"("org_unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_record_entity_type_entity_id_version_key" ON "outbox_record"("entity_type", "entity_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "batch_first_position_key" ON "batch"("first_position");

-- CreateIndex
CREATE UNIQUE INDEX "batch_last_position_key" ON "batch"("last_position");

-- CreateIndex
CREATE INDEX "batch_status_idx" ON "batch"("status");

-- CreateIndex
CREATE INDEX "tamper_alert_batch_seq_idx" ON "tamper_alert"("batch_seq");

-- CreateIndex
CREATE INDEX "tamper_alert_entity_type_entity_id_idx" ON "tamper_alert"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "tamper_alert_open_idx" ON "tamper_alert"("detected_at") WHERE (resolved_at IS NULL);

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_approving_unit_id_fkey" FOREIGN KEY ("approving_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "development_step" ADD CONSTRAINT "development_step_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_assignment" ADD CONSTRAINT "mentor_assignment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_assignment" ADD CONSTRAINT "mentor_assignment_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_assignment" ADD CONSTRAINT "mentor_assignment_mentor_id_fkey" FOREIGN KEY ("mentor_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_registration" ADD CONSTRAINT "meeting_registration_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_feedback" ADD CONSTRAINT "meeting_feedback_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course" ADD CONSTRAINT "course_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course" ADD CONSTRAINT "course_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_resource" ADD CONSTRAINT "course_resource_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_resource" ADD CONSTRAINT "course_resource_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_completion" ADD CONSTRAINT "course_completion_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_completion" ADD CONSTRAINT "course_completion_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "course_completion" ADD CONSTRAINT "course_completion_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_question" ADD CONSTRAINT "quiz_question_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_question" ADD CONSTRAINT "quiz_question_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz" ADD CONSTRAINT "quiz_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz" ADD CONSTRAINT "quiz_course_id_fkey" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_quiz_id_fkey" FOREIGN KEY ("quiz_id") REFERENCES "quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_campaign" ADD CONSTRAINT "appraisal_campaign_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "appraisal_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "self_assessment" ADD CONSTRAINT "self_assessment_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_assessment" ADD CONSTRAINT "peer_assessment_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_assessment" ADD CONSTRAINT "peer_assessment_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "appraisal_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_assessment" ADD CONSTRAINT "peer_assessment_assessor_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_assessment" ADD CONSTRAINT "peer_assessment_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_result" ADD CONSTRAINT "appraisal_result_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_result" ADD CONSTRAINT "appraisal_result_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "appraisal_campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_result" ADD CONSTRAINT "appraisal_result_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appraisal_result" ADD CONSTRAINT "appraisal_result_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_feedback" ADD CONSTRAINT "member_feedback_responded_by_id_fkey" FOREIGN KEY ("responded_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_rule" ADD CONSTRAINT "points_rule_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "points_rule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "points_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_subject_member_id_fkey" FOREIGN KEY ("subject_member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote" ADD CONSTRAINT "vote_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_option" ADD CONSTRAINT "vote_option_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_option" ADD CONSTRAINT "vote_option_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_option" ADD CONSTRAINT "vote_option_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_eligible_voter" ADD CONSTRAINT "vote_eligible_voter_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_eligible_voter" ADD CONSTRAINT "vote_eligible_voter_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_eligible_voter" ADD CONSTRAINT "vote_eligible_voter_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voter_roll_entry" ADD CONSTRAINT "voter_roll_entry_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voter_roll_entry" ADD CONSTRAINT "voter_roll_entry_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voter_roll_entry" ADD CONSTRAINT "voter_roll_entry_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_tally" ADD CONSTRAINT "vote_tally_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_tally" ADD CONSTRAINT "vote_tally_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_to_unit_id_fkey" FOREIGN KEY ("to_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership_transfer" ADD CONSTRAINT "membership_transfer_received_by_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analytics_snapshot" ADD CONSTRAINT "analytics_snapshot_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analytics_snapshot" ADD CONSTRAINT "analytics_snapshot_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analytics_snapshot_input" ADD CONSTRAINT "analytics_snapshot_input_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "analytics_snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_record" ADD CONSTRAINT "outbox_record_batch_seq_fkey" FOREIGN KEY ("batch_seq") REFERENCES "batch"("seq") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_level" ADD CONSTRAINT "batch_level_batch_seq_fkey" FOREIGN KEY ("batch_seq") REFERENCES "batch"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tamper_alert" ADD CONSTRAINT "tamper_alert_batch_seq_fkey" FOREIGN KEY ("batch_seq") REFERENCES "batch"("seq") ON DELETE RESTRICT ON UPDATE CASCADE;
