--
-- PostgreSQL database dump
--

\restrict 3xQk9yFvA1bCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef

-- Dumped from database version 15.8
-- Dumped by pg_dump version 15.14

SET statement_timeout = 0;
SET transaction_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: status; Type: TYPE; Schema: public; Owner: app
--

CREATE TYPE public.status AS ENUM (
    'open',
    'closed'
);


ALTER TYPE public.status OWNER TO app;


--
-- Name: tickets; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.tickets (
    id bigint NOT NULL,
    title text NOT NULL,
    status public.status DEFAULT 'open'::public.status NOT NULL,
    note text
);


ALTER TABLE public.tickets OWNER TO app;


CREATE SEQUENCE public.tickets_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.tickets_id_seq OWNER TO app;

ALTER SEQUENCE public.tickets_id_seq OWNED BY public.tickets.id;

ALTER TABLE ONLY public.tickets ALTER COLUMN id SET DEFAULT nextval('public.tickets_id_seq'::regclass);

--
-- Data for Name: tickets; Type: TABLE DATA; Schema: public; Owner: app
--

COPY public.tickets (id, title, status, note) FROM stdin;
1	It's broken; again	open	\N
2	Quote ' and "double" and $$ dollars	closed	a\tb
\.


SELECT pg_catalog.setval('public.tickets_id_seq', 2, true);

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);

\connect - app

--
-- PostgreSQL database dump complete
--

\unrestrict 3xQk9yFvA1bCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef

