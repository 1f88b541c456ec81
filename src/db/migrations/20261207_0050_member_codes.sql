-- Issue 13 (FHIR): a contact person can have several roles and relationships (nl-core-
-- ContactPerson: `relationship` 0..*), and some are none of our kinds ("other").
--
-- role_codes: every role of the person as pushed, in order: COD472 two-digit codes and the
--   nl-core extra roles 100002 Geestelijk verzorger, 100003 Tolk, 100004 Advocaat
--   (100001 Mantelzorger is the member kind `caregiver`, not stored here).
-- relationship_codes: every relationship code of RelatieCodelijst (HL7 v3 RoleCode family
--   codes, and NullFlavor OTH), in order.
-- role_code / relationship_code stay the single primary values the app edits. The trigger
-- below keeps the arrays in step when only the primary changes (the app's member edits),
-- so the primary is always one of the array's codes.

alter table circle_members drop constraint circle_members_kind_check;
alter table circle_members add constraint circle_members_kind_check
  check (kind in ('caregiver', 'relative', 'friend', 'neighbour', 'other', 'volunteer', 'professional'));

alter table circle_members add column role_codes text[] not null default '{}';
alter table circle_members add column relationship_codes text[] not null default '{}';

update circle_members set role_codes = array[role_code] where role_code is not null;
update circle_members set relationship_codes = array[relationship_code] where relationship_code is not null;

alter table circle_members add constraint circle_members_role_codes_check check (
  role_codes <@ array['01', '02', '03', '04', '05', '06', '07', '09', '11', '14', '15', '19', '20', '21', '23', '24',
                      '100002', '100003', '100004']::text[]
  and (role_code is null or role_code = any(role_codes)));
alter table circle_members add constraint circle_members_relationship_codes_check check (
  relationship_codes <@ array['ADOPTF', 'ADOPTM', 'AUNT', 'BRO', 'BROINLAW', 'COUSN', 'DAUC', 'DAUINLAW', 'DOMPART', 'FTH',
                              'FTHINLAW', 'DAUFOST', 'FTHFOST', 'MTHFOST', 'SONFOST', 'GRNDDAU', 'GRFTH', 'GRMTH', 'GRNDSON',
                              'GGRFTH', 'GGRMTH', 'HUSB', 'MTH', 'MTHINLAW', 'NEPHEW', 'NIECE', 'SIS', 'SISINLAW', 'SONC',
                              'SONINLAW', 'STPFTH', 'STPMTH', 'UNCLE', 'WIFE', 'OTH']::text[]
  and (relationship_code is null or relationship_code = any(relationship_codes)));

-- Keeps role_codes / relationship_codes in step with the primary columns: a new primary that
-- is not yet in the array goes in front; a replaced primary leaves the array. A statement
-- that sets the array itself is left alone.
create function circle_members_sync_codes() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.role_code is distinct from old.role_code and new.role_codes is not distinct from old.role_codes then
      new.role_codes := array_remove(old.role_codes, old.role_code);
    end if;
    if new.relationship_code is distinct from old.relationship_code and new.relationship_codes is not distinct from old.relationship_codes then
      new.relationship_codes := array_remove(old.relationship_codes, old.relationship_code);
    end if;
  end if;
  if new.role_code is not null and not (new.role_code = any(new.role_codes)) then
    new.role_codes := array[new.role_code] || new.role_codes;
  end if;
  if new.relationship_code is not null and not (new.relationship_code = any(new.relationship_codes)) then
    new.relationship_codes := array[new.relationship_code] || new.relationship_codes;
  end if;
  return new;
end;
$$;
create trigger circle_members_sync_codes before insert or update on circle_members
  for each row execute function circle_members_sync_codes();
